/* Fuzz target for the sentence splitter and tokeniser (vg_segment, text/segment.h): any bytes
 * must segment without error, and the sentences must keep the invariants segment.h promises. */
#include "fuzz.h"
#include "text/segment.h"
#include "util/alloc.h"
#include <string.h>

static int is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The promises of segment.h, over the whole list; covered[] marks bytes inside a token. */
static void check_sentences(const char *body, size_t len, const vg_sentence *s, size_t n, unsigned char *covered)
{
    uint32_t previous_end = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(s[i].n_tokens > 0 && s[i].n_tokens <= VG_MAX_SENTENCE_TOKENS);
        FUZZ_CHECK(s[i].start >= previous_end && s[i].start < s[i].end && s[i].end <= len);
        size_t text_len = s[i].end - s[i].start;
        FUZZ_CHECK(s[i].text && s[i].text[text_len] == '\0');
        FUZZ_CHECK(memcmp(s[i].text, body + s[i].start, text_len) == 0);
        FUZZ_CHECK(memchr(s[i].text, '\n', text_len) == NULL); /* never crosses a paragraph */
        FUZZ_CHECK(s[i].tokens[0].start == s[i].start && s[i].tokens[s[i].n_tokens - 1].end == s[i].end);
        uint32_t at = s[i].start;
        for (uint32_t t = 0; t < s[i].n_tokens; t++) {
            const vg_token *tok = &s[i].tokens[t];
            FUZZ_CHECK(tok->start >= at && tok->end > tok->start);
            size_t form_len = tok->end - tok->start;
            FUZZ_CHECK(form_len <= VG_MAX_TOKEN_BYTES);
            FUZZ_CHECK(tok->form && tok->form[form_len] == '\0');
            FUZZ_CHECK(memcmp(tok->form, body + tok->start, form_len) == 0);
            FUZZ_CHECK(tok->head == -1 && tok->space_after <= 1);
            memset(covered + tok->start, 1, form_len);
            at = tok->end;
        }
        for (uint32_t m = 0; m < s[i].n_multiwords; m++) {
            const struct vg_multiword *mw = &s[i].multiwords[m];
            FUZZ_CHECK(mw->first >= 1 && mw->first < mw->last && mw->last <= s[i].n_tokens);
            FUZZ_CHECK(mw->form && strlen(mw->form) == s[i].tokens[mw->last - 1].end - s[i].tokens[mw->first - 1].start);
        }
        previous_end = s[i].end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > VG_MAX_DOCUMENT_BYTES)
        return 0;
    const char *body = (const char *)data;
    vg_arena arena;
    vg_arena_init(&arena, 0);
    vg_error err = {0};
    vg_sentence *s;
    size_t n;
    int rc = vg_segment(body, size, &arena, &s, &n, &err);
    if (rc == VG_ENOMEM) { /* only under an allocation limit: not a finding */
        vg_arena_free(&arena);
        return 0;
    }
    FUZZ_CHECK(rc == 0);
    FUZZ_CHECK(n == 0 || s != NULL);

    /* No letter or digit is ever dropped: each lies inside a token. */
    unsigned char *covered = vg_calloc(size ? size : 1, 1);
    FUZZ_CHECK(covered != NULL);
    check_sentences(body, size, s, n, covered);
    for (size_t i = 0; i < size; i++)
        FUZZ_CHECK(covered[i] || !is_ascii_alnum(data[i]));
    vg_free(covered);

    /* The streaming form, with its arena reset after every sentence, yields the same spans. */
    vg_segmenter seg;
    vg_arena one;
    vg_arena_init(&one, 0);
    FUZZ_CHECK(vg_segmenter_init(&seg, body, size, &err) == 0);
    size_t k = 0;
    vg_sentence next;
    while ((rc = vg_segmenter_next(&seg, &one, &next, &err)) == 1) {
        FUZZ_CHECK(k < n);
        FUZZ_CHECK(next.start == s[k].start && next.end == s[k].end && next.n_tokens == s[k].n_tokens);
        FUZZ_CHECK(next.n_multiwords == s[k].n_multiwords);
        for (uint32_t t = 0; t < next.n_tokens; t++)
            FUZZ_CHECK(next.tokens[t].start == s[k].tokens[t].start && next.tokens[t].end == s[k].tokens[t].end);
        k++;
        vg_arena_reset(&one);
    }
    FUZZ_CHECK(rc == 0 && k == n);
    vg_arena_free(&one);
    vg_arena_free(&arena);
    return 0;
}
