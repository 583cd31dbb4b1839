/* Sentence boundaries over the tokeniser's pieces, and the vg_sentence records built from them.
 * The window of pieces is bounded, so memory stays constant however long a line is. */
#include "text/segment_internal.h"
#include "util/alloc.h"
#include <string.h>

#define NO_SPLIT UINT32_MAX

static void start_paragraph(vg_segmenter *s, uint32_t at)
{
    const char *nl = at < s->len ? memchr(s->body + at, '\n', s->len - at) : NULL;
    s->pos = at;
    s->para_end = nl ? (uint32_t)(nl - s->body) : s->len;
    s->chunk_end = at; /* the next tokenise call enters a new chunk */
    s->url_start = s->url_end = UINT32_MAX;
    s->para_done = 0;
}

int vg_segmenter_init(vg_segmenter *seg, const char *body, size_t len, vg_error *err)
{
    if (len > VG_MAX_DOCUMENT_BYTES)
        return vg_error_set(err, VG_ELIMIT, "segment: body of %zu bytes exceeds VG_MAX_DOCUMENT_BYTES (%u)",
                            len, (unsigned)VG_MAX_DOCUMENT_BYTES);
    seg->body = body ? body : "";
    seg->len = body ? (uint32_t)len : 0;
    seg->n = seg->scanned = 0;
    start_paragraph(seg, 0);
    return 0;
}

static int piece_is(const vg_segmenter *s, const vg_segment_piece *p, int (*test)(const char *, size_t))
{
    return test(s->body + p->start, p->end - p->start);
}

/* Ends a sentence after window[i]? Returns the number of pieces in the sentence (the
 * terminal plus any closing quotes and brackets after it), or 0. *split is set to i when the
 * terminal is an abbreviation whose period must become a token of its own ("U.S" "."). */
static uint32_t boundary_after(const vg_segmenter *s, uint32_t i, uint32_t *split)
{
    const vg_segment_piece *w = s->window;
    uint32_t f = w[i].flags;
    if (!(f & (VG_PIECE_TERMINAL | VG_PIECE_ABBREV | VG_PIECE_EMOTICON)) || (f & VG_PIECE_TITLE) || i == 0)
        return 0; /* (a sentence is more than its final punctuation) */
    /* A list marker "1." opening a sentence does not end it. */
    if ((f & VG_PIECE_PERIOD) && i == 1 && (w[0].flags & VG_PIECE_NUMBER))
        return 0;
    uint32_t j = i + 1;
    while (j < s->n && j < i + VG_SEGMENT_LOOKAHEAD - 2) {
        uint32_t g = w[j].flags;
        /* a straight quote touching the terminal closes; after a space it opens the next sentence */
        if ((g & (VG_PIECE_CLOSE | VG_PIECE_EMOTICON)) ||
            ((g & VG_PIECE_QUOTE) && !(w[j - 1].flags & VG_PIECE_SPACE_AFTER)))
            j++;
        else
            break;
    }
    if (j >= s->n)
        return 0; /* the paragraph ends here: the caller closes the sentence */
    uint32_t g = w[j].flags;
    int starts = !(g & (VG_PIECE_LOWER | VG_PIECE_NOSTART));
    /* "day. ...a drop": an ellipsis after a space opens the next sentence */
    if ((g & VG_PIECE_ELLIPSIS) && (w[j - 1].flags & VG_PIECE_SPACE_AFTER) && !(f & VG_PIECE_ABBREV))
        starts = 1;
    if ((f & VG_PIECE_ABBREV) && j == i + 1) {
        /* "U.S. officials", "Inc. Chief Executive": only a common sentence starter or an
         * opening quote after an abbreviation begins a new sentence. */
        starts = (g & VG_PIECE_QUOTE) || ((g & VG_PIECE_OPEN) && s->body[w[j].start] != '(' && s->body[w[j].start] != '[') ||
                 ((g & VG_PIECE_UPPER) && piece_is(s, &w[j], vg_segment_is_starter));
    } else if ((g & VG_PIECE_LOWER) && j == i + 1) {
        /* Lower case after a full stop that follows a word ("it broke. we left"), or after
         * "?" or "!" outside quotes, still starts a sentence; after a number ("by 3. the")
         * or an ellipsis ("wait ... and see") it does not. */
        if ((f & VG_PIECE_PERIOD) && !(w[i - 1].flags & (VG_PIECE_DIGIT | VG_PIECE_NUMBER)) &&
            (w[i - 1].flags & (VG_PIECE_LOWER | VG_PIECE_UPPER | VG_PIECE_CASELESS)))
            starts = 1;
        else if ((f & VG_PIECE_TERMINAL) && !(f & (VG_PIECE_PERIOD | VG_PIECE_ELLIPSIS)))
            starts = 1;
    }
    if (!starts)
        return 0;
    if (f & VG_PIECE_ABBREV)
        *split = i;
    return j;
}

/* The abbreviation ending a paragraph's last sentence, if any (EWT writes "U.S" "."). */
static uint32_t final_split(const vg_segmenter *s, uint32_t k)
{
    uint32_t e = k;
    while (e > 1 && (s->window[e - 1].flags & (VG_PIECE_CLOSE | VG_PIECE_QUOTE)))
        e--;
    return (s->window[e - 1].flags & VG_PIECE_ABBREV) ? e - 1 : NO_SPLIT;
}

static const char *copy_form(char **cursor, const char *body, uint32_t start, uint32_t end)
{
    char *out = *cursor;
    memcpy(out, body + start, end - start);
    out[end - start] = '\0';
    *cursor = out + (end - start) + 1;
    return out;
}

static void set_token(vg_token *t, char **cursor, const char *body, uint32_t start, uint32_t end, int space_after)
{
    t->form = copy_form(cursor, body, start, end);
    t->start = start;
    t->end = end;
    t->space_after = (uint8_t)space_after;
    t->head = -1;
}

/* Builds a sentence from window[0, k), splitting window[split] before its final period,
 * then drops those pieces from the window. Three arena allocations per sentence. */
static int emit(vg_segmenter *s, uint32_t k, uint32_t split, vg_arena *arena, vg_sentence *out, vg_error *err)
{
    const vg_segment_piece *w = s->window;
    if (split != NO_SPLIT && k >= VG_MAX_SENTENCE_TOKENS)
        split = NO_SPLIT;
    const uint32_t start = w[0].start, end = w[k - 1].end;
    const uint32_t n_tokens = k + (split != NO_SPLIT);
    size_t chars = (size_t)(end - start) + 1 + (split != NO_SPLIT ? 1 : 0);
    uint32_t n_multi = 0;
    for (uint32_t i = 0; i < k; i++) {
        chars += w[i].end - w[i].start + 1;
        if ((w[i].flags & VG_PIECE_MULTIWORD) && i + 1 < k) {
            n_multi++;
            chars += w[i + 1].end - w[i].start + 1;
        }
    }
    vg_token *tokens = vg_arena_alloc(arena, n_tokens * sizeof *tokens);
    char *cursor = vg_arena_alloc(arena, chars);
    struct vg_multiword *multi = n_multi ? vg_arena_alloc(arena, n_multi * sizeof *multi) : NULL;
    if (!tokens || !cursor || (n_multi && !multi))
        return vg_error_set(err, VG_ENOMEM, "segment: out of memory for the sentence at byte %u", (unsigned)start);

    memset(out, 0, sizeof *out);
    out->text = copy_form(&cursor, s->body, start, end);
    out->start = start;
    out->end = end;
    uint32_t t = 0, m = 0;
    for (uint32_t i = 0; i < k; i++) {
        uint32_t a = w[i].start, b = w[i].end, space = (w[i].flags & VG_PIECE_SPACE_AFTER) != 0;
        if (i == split) {
            set_token(&tokens[t++], &cursor, s->body, a, b - 1, 0);
            set_token(&tokens[t++], &cursor, s->body, b - 1, b, (int)space);
            continue;
        }
        if ((w[i].flags & VG_PIECE_MULTIWORD) && i + 1 < k) {
            multi[m].first = t + 1;
            multi[m].last = t + 2;
            multi[m].form = copy_form(&cursor, s->body, a, w[i + 1].end);
            m++;
        }
        set_token(&tokens[t++], &cursor, s->body, a, b, (int)space);
    }
    out->tokens = tokens;
    out->n_tokens = n_tokens;
    out->multiwords = multi;
    out->n_multiwords = n_multi;

    memmove(s->window, s->window + k, (s->n - k) * sizeof *s->window);
    s->n -= k;
    s->scanned = 0;
    return 1;
}

int vg_segmenter_next(vg_segmenter *s, vg_arena *arena, vg_sentence *out, vg_error *err)
{
    for (;;) {
        while (!s->para_done && s->n <= s->scanned + VG_SEGMENT_LOOKAHEAD && s->n + 4 <= VG_SEGMENT_WINDOW)
            if (!vg_segment_tokenize_next(s))
                s->para_done = 1;
        if (s->n == 0) {
            if (!s->para_done)
                continue;
            if (s->para_end >= s->len)
                return 0;
            start_paragraph(s, s->para_end + 1);
            continue;
        }
        uint32_t i = s->scanned;
        for (; i < s->n; i++) {
            if (!s->para_done && i + VG_SEGMENT_LOOKAHEAD >= s->n)
                break; /* not enough lookahead yet */
            uint32_t split = NO_SPLIT, k = boundary_after(s, i, &split);
            if (k)
                return emit(s, k > VG_MAX_SENTENCE_TOKENS ? VG_MAX_SENTENCE_TOKENS : k, split, arena, out, err);
            if (i + 1 >= VG_MAX_SENTENCE_TOKENS) {
                /* No boundary in sight: cut here, but never inside a multi-word token. */
                k = i + 1;
                if (k > 1 && (s->window[k - 1].flags & VG_PIECE_MULTIWORD))
                    k--;
                return emit(s, k, NO_SPLIT, arena, out, err);
            }
        }
        s->scanned = i;
        if (s->para_done && i >= s->n)
            return emit(s, s->n, final_split(s, s->n), arena, out, err);
    }
}

int vg_segment(const char *body, size_t len, vg_arena *arena,
               vg_sentence **sentences, size_t *n_sentences, vg_error *err)
{
    vg_segmenter seg;
    vg_sentence *list = NULL, one;
    size_t n = 0, cap = 0;
    *sentences = NULL;
    *n_sentences = 0;
    int rc = vg_segmenter_init(&seg, body, len, err);
    if (rc < 0)
        return rc;
    while ((rc = vg_segmenter_next(&seg, arena, &one, err)) == 1) {
        if (n == cap) {
            size_t grown = cap ? cap * 2 : 64;
            vg_sentence *bigger = vg_realloc(list, grown * sizeof *list);
            if (!bigger) {
                rc = vg_error_set(err, VG_ENOMEM, "segment: out of memory after %zu sentences", n);
                goto out;
            }
            list = bigger;
            cap = grown;
        }
        list[n++] = one;
    }
    if (rc < 0)
        goto out;
    if (n) {
        *sentences = vg_arena_alloc(arena, n * sizeof *list);
        if (!*sentences) {
            rc = vg_error_set(err, VG_ENOMEM, "segment: out of memory for %zu sentences", n);
            goto out;
        }
        memcpy(*sentences, list, n * sizeof *list);
        *n_sentences = n;
    }
    rc = 0;
out:
    vg_free(list);
    return rc;
}
