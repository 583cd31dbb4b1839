/* The tokeniser behind vg_segment: splits a paragraph into UD English EWT tokens, one
 * whitespace-free chunk at a time, in one forward pass without allocating. */
#include "text/segment_internal.h"
#include <string.h>
#include <utf8proc.h>

/* Character classes. A letter has CH_LETTER, plus CH_UPPER or CH_LOWER when its script has case. */
enum {
    CH_SPACE = 1, CH_NEWLINE = 2, CH_UPPER = 4, CH_LOWER = 8, CH_LETTER = 16,
    CH_DIGIT = 32, CH_MARK = 64, CH_PUNCT = 128
};
#define CH_ALNUM (CH_LETTER | CH_DIGIT | CH_MARK)
#define SP CH_SPACE
#define NL CH_NEWLINE
#define PU CH_PUNCT
#define DG CH_DIGIT
#define UP (CH_UPPER | CH_LETTER)
#define LO (CH_LOWER | CH_LETTER)

/* ASCII control characters count as whitespace: they separate tokens and never appear in one. */
static const uint8_t ascii_class[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, NL, SP, SP, SP, SP, SP,
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    SP, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU,
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, PU, PU, PU, PU,
    PU, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, PU, PU,
    PU, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, PU, PU, PU, SP,
};

static uint32_t unicode_class(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return CH_UPPER | CH_LETTER;
    case UTF8PROC_CATEGORY_LL: return CH_LOWER | CH_LETTER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return CH_LETTER;
    /* Roman numerals, superscripts and fractions are word characters too. */
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return CH_LETTER;
    case UTF8PROC_CATEGORY_ND: return CH_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return CH_MARK;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: return CH_SPACE;
    case UTF8PROC_CATEGORY_CF:
        /* Zero-width space, word joiner and byte-order mark separate; the other format
         * characters (joiners, soft hyphen, direction marks) cling like combining marks. */
        return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF ? CH_SPACE : CH_MARK;
    default: return CH_PUNCT;
    }
}

/* Class of the character at b[i] (i < end); its code point and byte length go to *cp, *len.
 * A byte that does not start a valid sequence is one U+FFFD symbol, so bad input never fails. */
static inline uint32_t char_at(const unsigned char *b, uint32_t i, uint32_t end, int32_t *cp, uint32_t *len)
{
    if (b[i] < 0x80) {
        *cp = b[i];
        *len = 1;
        return ascii_class[b[i]];
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(b + i, (utf8proc_ssize_t)(end - i), &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        *len = 1;
        return CH_PUNCT;
    }
    *cp = c;
    *len = (uint32_t)n;
    return unicode_class(c);
}

static inline uint32_t class_at(const vg_segmenter *s, uint32_t i)
{
    int32_t cp;
    uint32_t len;
    return char_at((const unsigned char *)s->body, i, s->para_end, &cp, &len);
}

static inline int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Byte length of an apostrophe (' or ’) ending just before b[at], not reaching before from. */
static uint32_t apostrophe_before(const unsigned char *b, uint32_t from, uint32_t at)
{
    if (at > from && b[at - 1] == '\'')
        return 1;
    if (at >= from + 3 && b[at - 3] == 0xE2 && b[at - 2] == 0x80 && b[at - 1] == 0x99)
        return 3;
    return 0;
}

/* Backs a cut point off continuation bytes so a piece never ends inside a character. */
static uint32_t cut_point(const unsigned char *b, uint32_t start, uint32_t at)
{
    uint32_t cut = at;
    for (int back = 0; back < 3 && cut > start + 1 && (b[cut] & 0xC0) == 0x80; back++)
        cut--;
    return cut;
}

/* Flags that follow from a piece's first character. */
static uint32_t first_char_flags(const vg_segmenter *s, uint32_t at)
{
    uint32_t cls = class_at(s, at);
    if (cls & CH_UPPER)
        return VG_PIECE_UPPER;
    if (cls & CH_LOWER)
        return VG_PIECE_LOWER;
    if (cls & CH_LETTER)
        return VG_PIECE_CASELESS;
    if (cls & CH_DIGIT)
        return VG_PIECE_DIGIT;
    return 0;
}

static void push(vg_segmenter *s, uint32_t start, uint32_t end, uint32_t flags)
{
    vg_segment_piece *p = &s->window[s->n++];
    p->start = start;
    p->end = end;
    if (end == s->chunk_end && end < s->len)
        flags |= VG_PIECE_SPACE_AFTER;
    p->flags = flags | first_char_flags(s, start);
    s->pos = end;
}

/* ---- URLs and e-mail addresses: found once per chunk, kept as one token ---- */

/* A character that ends a chunk but not the URL in it: sentence punctuation, a closing
 * quote, or a closing bracket the URL did not open. */
static int is_url_trailer(const unsigned char *b, uint32_t a, uint32_t e, int has_open_paren, uint32_t *len)
{
    unsigned char c = b[e - 1];
    *len = 1;
    if (c != '\0' && strchr(".,;:!?\"'>]}", c))
        return 1;
    if (c == ')')
        return !has_open_paren;
    if (e - a >= 3 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && (b[e - 1] == 0x9D || b[e - 1] == 0x99)) {
        *len = 3; /* ” ’ */
        return 1;
    }
    return 0;
}

/* local@domain, and the forms web text adds: "name...@host.com" (shortened by a newsgroup
 * archive), "@host.com", and Lotus Notes addresses "Name@ORG" (no dot, capitalised). */
static int is_email(const unsigned char *b, uint32_t a, uint32_t e)
{
    const unsigned char *at = memchr(b + a, '@', e - a);
    if (!at)
        return 0;
    uint32_t k = (uint32_t)(at - b), dots = 0;
    if (k + 1 >= e)
        return 0;
    for (uint32_t i = a; i < k; i++)
        if (b[i] >= 0x80 || (!(ascii_class[b[i]] & (CH_LETTER | CH_DIGIT)) && !strchr("._%+-'", b[i])))
            return 0;
    for (uint32_t i = k + 1; i < e; i++) {
        if (b[i] == '.') {
            if (i == k + 1 || b[i - 1] == '.')
                return 0;
            dots++;
        } else if (b[i] >= 0x80 || !((ascii_class[b[i]] & (CH_LETTER | CH_DIGIT)) || b[i] == '-' || b[i] == '_')) {
            return 0;
        }
    }
    if (!dots)
        return k > a && b[k + 1] >= 'A' && b[k + 1] <= 'Z';
    return 1;
}

/* A bare host or newsgroup name: lower-case labels joined by two or more dots
 * ("alt.animals.cats", "mail.example.net"). */
static int is_hostname(const unsigned char *b, uint32_t a, uint32_t e)
{
    uint32_t dots = 0, label = 0, longest = 0, letters = 0;
    for (uint32_t i = a; i < e; i++) {
        unsigned char c = b[i];
        if (c == '.') {
            if (!label)
                return 0;
            dots++;
            longest = label > longest ? label : longest;
            label = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            label++;
            letters += c >= 'a' && c <= 'z';
        } else {
            return 0;
        }
    }
    longest = label > longest ? label : longest;
    return label && dots >= 2 && longest >= 3 && letters;
}

static void find_url(vg_segmenter *s, uint32_t cs, uint32_t ce)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t a = cs, e = ce, n;
    for (;;) { /* leading brackets and quotes stay separate tokens */
        if (a < e && strchr("([{<\"'", b[a]) && b[a] != '\0')
            a++;
        else if (e - a >= 3 && b[a] == 0xE2 && b[a + 1] == 0x80 && (b[a + 2] == 0x9C || b[a + 2] == 0x98))
            a += 3;
        else
            break;
    }
    int has_open_paren = a < e && memchr(b + a, '(', e - a) != NULL;
    while (e > a && is_url_trailer(b, a, e, has_open_paren, &n))
        e -= n;
    if (e - a < 5)
        return;
    int url = 0;
    uint32_t k = a;
    while (k < e && k - a <= 10 && b[k] < 0x80 && (ascii_class[b[k]] & CH_LETTER))
        k++;
    if (k > a + 1 && e - k > 3 && memcmp(b + k, "://", 3) == 0)
        url = 1;
    else if ((b[a] | 0x20) == 'w' && (b[a + 1] | 0x20) == 'w' && (b[a + 2] | 0x20) == 'w' && b[a + 3] == '.')
        url = 1;
    else if (k > a && k + 1 < e && b[k] == ':' && (k - a == 6 && memcmp(b + a, "mailto", 6) == 0))
        url = is_email(b, k + 1, e);
    else
        url = is_email(b, a, e) || is_hostname(b, a, e);
    if (url) {
        s->url_start = a;
        s->url_end = e;
    }
}

/* Enters the chunk starting at p: finds its end and any URL in it. */
static void start_chunk(vg_segmenter *s, uint32_t p)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t q = p;
    int maybe_url = 0;
    while (q < s->para_end) {
        unsigned char c = b[q];
        if (c < 0x80) {
            if (ascii_class[c] & CH_SPACE)
                break;
            maybe_url |= c == '@' || c == '/' || c == '.';
            q++;
        } else {
            int32_t cp;
            uint32_t len;
            if (char_at(b, q, s->para_end, &cp, &len) & CH_SPACE)
                break;
            q += len;
        }
    }
    s->chunk_start = p;
    s->chunk_end = q;
    s->url_start = s->url_end = UINT32_MAX;
    if (maybe_url && q - p >= 5)
        find_url(s, p, q);
}

/* ---- words ---- */

static int ascii_lower_equal(const unsigned char *b, uint32_t len, const char *word)
{
    for (uint32_t i = 0; i < len; i++)
        if (b[i] >= 0x80 || (char)(b[i] | 0x20) != word[i] || !word[i])
            return 0;
    return word[len] == '\0';
}

/* Prefixes EWT keeps attached to the rest of a hyphenated word ("non-stop", "e-mail");
 * every other hyphen between letters is a token of its own ("military - style"). */
static int is_hyphen_prefix(const unsigned char *b, uint32_t len)
{
    static const char *const prefixes[] = {
        "anti", "arch", "bi", "co", "counter", "cross", "e", "ex", "extra", "hyper", "infra",
        "inter", "intra", "macro", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over",
        "post", "pre", "pro", "pseudo", "psycho", "quasi", "re", "semi", "socio", "sub", "super",
        "trans", "tri", "ultra", "un",
    };
    if (len > 7)
        return 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (ascii_lower_equal(b, len, prefixes[i]))
            return 1;
    return 0;
}

/* Units and times that EWT splits from a number written against them. */
static int is_unit(const unsigned char *b, uint32_t len)
{
    static const char *const units[] = {
        "am", "pm", "AM", "PM", "k", "K", "m", "M", "b", "bn", "mm", "cm", "km", "ft", "kg", "lb", "lbs",
        "kb", "KB", "mb", "MB", "gb", "GB", "Hz", "kHz", "MHz", "GHz", "mph", "hr", "hrs", "min", "mins",
    };
    if (len == 0 || len > 4)
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i]) == len && memcmp(b, units[i], len) == 0)
            return 1;
    return 0;
}

/* Contractions written without an apostrophe, split where EWT splits them ("dont" = do|nt). */
static uint32_t bare_contraction(const unsigned char *b, uint32_t len)
{
    static const struct { const char *word; uint32_t split; } list[] = {
        {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"outta", 3}, {"dont", 2},
        {"doesnt", 4}, {"didnt", 3}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3}, {"werent", 4},
        {"wont", 2}, {"cant", 2}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
        {"havent", 4}, {"hasnt", 3}, {"hadnt", 3}, {"aint", 2}, {"im", 1}, {"ive", 1},
        {"youre", 3}, {"theyre", 4}, {"thats", 4},
    };
    if (len < 2 || len > 8)
        return 0;
    unsigned char last = b[len - 1] | 0x20;
    if (last != 't' && last != 'a' && last != 'm' && last != 'e' && last != 's')
        return 0;
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (ascii_lower_equal(b, len, list[i].word))
            return list[i].split;
    return 0;
}

/* Where a clitic begins at the end of b[p, e) ("do|n't", "Iran|'s", "they|'re"), or 0. */
static uint32_t clitic_split(const unsigned char *b, uint32_t p, uint32_t e)
{
    uint32_t a;
    if (e - p >= 4 && (b[e - 1] | 0x20) == 't' && (a = apostrophe_before(b, p, e - 1)) != 0 &&
        e - 1 - a > p + 1 && (b[e - 2 - a] | 0x20) == 'n')
        return e - 2 - a;
    if (e - p >= 3) {
        unsigned char c = b[e - 1] | 0x20;
        if ((c == 's' || c == 'd' || c == 'm') && (a = apostrophe_before(b, p, e - 1)) != 0 && e - 1 - a > p)
            return e - 1 - a;
    }
    if (e - p >= 4) {
        unsigned char c1 = b[e - 2] | 0x20, c2 = b[e - 1] | 0x20;
        if (((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) &&
            (a = apostrophe_before(b, p, e - 2)) != 0 && e - 2 - a > p)
            return e - 2 - a;
    }
    return 0;
}

/* Letters or digits starting at i, up to max+1 of them (enough to compare with max). */
static uint32_t segment_chars(const vg_segmenter *s, uint32_t i, uint32_t max, uint32_t *cls_out)
{
    uint32_t count = 0, cls_all = 0;
    const unsigned char *b = (const unsigned char *)s->body;
    while (i < s->chunk_end && count <= max) {
        int32_t cp;
        uint32_t len, cls = char_at(b, i, s->para_end, &cp, &len);
        if (!(cls & CH_ALNUM))
            break;
        if (!(cls & CH_MARK)) {
            count++;
            cls_all |= cls;
        }
        i += len;
    }
    if (cls_out)
        *cls_out = cls_all;
    return count;
}

/* After a period inside a word: a top-level domain or a file extension ending the word
 * ("Example.com", "report.pdf"), which keeps the word whole. */
static int is_domain_suffix(const vg_segmenter *s, uint32_t i)
{
    static const char *const suffixes[] = {
        "com", "org", "net", "gov", "edu", "info", "biz", "io", "co", "uk", "us", "ca",
        "pdf", "doc", "docx", "htm", "html", "jpg", "jpeg", "gif", "png", "xls", "xlsx", "txt",
        "ppt", "pptx", "zip", "exe", "mp3", "mp4", "csv", "xml", "wav", "avi", "mov",
    };
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t e = i;
    while (e < s->chunk_end && e - i < 5 && b[e] < 0x80 && (ascii_class[b[e]] & (CH_LETTER | CH_DIGIT)))
        e++;
    if (e == i || (e < s->chunk_end && (class_at(s, e) & CH_ALNUM)))
        return 0;
    for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
        if (ascii_lower_equal(b + i, e - i, suffixes[k]))
            return 1;
    return 0;
}

/* Digits joined by hyphens that EWT keeps whole: telephone numbers (853-7906, 212-848-8400,
 * 1-800-555-0199, extensions 3-5213) and ISO dates (2020-11-30). Returns the bytes from the first hyphen at q
 * to the pattern's end, or 0 (the hyphen is then a token: "1969 - 1970"). */
static uint32_t digit_pattern(const vg_segmenter *s, uint32_t p, uint32_t q)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t groups[5], n = 0, i = q;
    groups[n++] = q - p;
    while (n < 5 && i + 1 < s->chunk_end && b[i] == '-' && b[i + 1] >= '0' && b[i + 1] <= '9') {
        uint32_t g = ++i;
        while (i < s->chunk_end && i - g < 6 && b[i] >= '0' && b[i] <= '9')
            i++;
        groups[n++] = i - g;
    }
    if (i < s->chunk_end && (b[i] == '-' || (b[i] < 0x80 && (ascii_class[b[i]] & CH_DIGIT))))
        return 0;
    int keep = (n == 2 && (groups[0] == 3 || groups[0] == 1) && groups[1] == 4) ||
               (n == 3 && groups[0] == 3 && groups[1] == 3 && groups[2] == 4) ||
               (n == 3 && groups[0] == 4 && groups[1] == 2 && groups[2] == 2) ||
               (n == 4 && groups[0] == 1 && groups[1] == 3 && groups[2] == 3 && groups[3] == 4);
    return keep ? i - q : 0;
}

/* The next non-space character after i in the paragraph is a digit. */
static int digit_follows(const vg_segmenter *s, uint32_t i)
{
    const unsigned char *b = (const unsigned char *)s->body;
    for (uint32_t k = 0; i < s->para_end && k < 8; k++, i++)
        if (b[i] != ' ')
            return b[i] >= '0' && b[i] <= '9';
    return 0;
}

/* The next character after whitespace at i (in the paragraph) is a letter or digit. */
static int word_follows_space(const vg_segmenter *s, uint32_t i)
{
    const unsigned char *b = (const unsigned char *)s->body;
    if (i >= s->para_end || !(class_at(s, i) & CH_SPACE))
        return 0;
    while (i < s->para_end && b[i] == ' ')
        i++;
    return i < s->para_end && (class_at(s, i) & (CH_LETTER | CH_DIGIT));
}

/* A word starting at p: letters, digits and marks, joined across . , : / - ' & _ in the
 * patterns EWT keeps whole; then its clitics, an abbreviation's period or "pm" split. */
static void scan_word(vg_segmenter *s, uint32_t p)
{
    const unsigned char *b = (const unsigned char *)s->body;
    const uint32_t ce = s->chunk_end;
    uint32_t q = p, seg_chars = 0, seg_cls = 0, last_cls = 0, n_segs = 1, slashes = 0;
    int letter_period = 0, too_long = 0;
    while (q < ce) {
        if (q - p >= VG_MAX_TOKEN_BYTES) {
            too_long = 1;
            break;
        }
        int32_t cp;
        uint32_t n, cls = char_at(b, q, s->para_end, &cp, &n);
        if (cls & CH_ALNUM) {
            if (!(cls & CH_MARK)) {
                seg_chars++;
                seg_cls |= cls;
                last_cls = cls;
            }
            q += n;
            continue;
        }
        uint32_t after = q + n;
        if (after >= ce || (cp >= 0x80 && !is_apostrophe(cp)))
            break; /* ’ is the only connector outside ASCII */
        uint32_t ncls = class_at(s, after);
        if (!(ncls & (CH_LETTER | CH_DIGIT)))
            break;
        int seg_letters = (seg_cls & CH_LETTER) && !(seg_cls & CH_DIGIT);
        uint32_t join = 0, ncount;
        switch (cp) {
        case '.':
            if ((last_cls & CH_DIGIT) && (ncls & CH_DIGIT)) {
                join = n;
            } else if (seg_letters && seg_chars <= 2 && (ncls & CH_LETTER) &&
                       segment_chars(s, after, 1, NULL) == 1) {
                join = n; /* U.S, e.g, a.m, Ph.D, J.R.R */
                letter_period = 1;
            } else if (is_domain_suffix(s, after)) {
                join = n; /* Amazon.com */
            }
            break;
        case ',':
            if (seg_cls == CH_DIGIT && (ncls & CH_DIGIT) && segment_chars(s, after, 3, &ncount) == 3 &&
                ncount == CH_DIGIT)
                join = n; /* 1,000 */
            break;
        case ':':
            if ((last_cls & CH_DIGIT) && (ncls & CH_DIGIT))
                join = n; /* 10:30 */
            break;
        case '/':
            if (seg_cls == CH_DIGIT && (ncls & CH_DIGIT)) {
                /* dates (11/28/2000) and short pairs (9/11) stay whole; EWT splits "1 / 2", "24 / 7" */
                uint32_t next = segment_chars(s, after, 4, NULL), next_end = after + next;
                int date = slashes > 0 || (next_end < ce && b[next_end] == '/');
                if (date || (seg_chars <= 2 && next <= 2 && seg_chars + next > 2)) {
                    join = n;
                    slashes++;
                }
            } else if (n_segs == 1 && seg_letters && seg_chars == 1 && (ncls & CH_LETTER) &&
                     segment_chars(s, after, 3, NULL) <= 3)
                join = n; /* w/o, b/c */
            break;
        case '-':
            if (n_segs == 1 && seg_cls == CH_DIGIT && (ncls & CH_DIGIT))
                join = digit_pattern(s, p, q);
            else if (n_segs == 1 && seg_letters && (ncls & CH_LETTER) && is_hyphen_prefix(b + p, q - p))
                join = n;
            break;
        case '&':
            if (seg_letters && seg_chars <= 2 && (ncls & CH_LETTER) && segment_chars(s, after, 2, NULL) <= 2)
                join = n; /* AT&T */
            break;
        case '_':
            join = n;
            break;
        default:
            if (is_apostrophe(cp) && (last_cls & (CH_LETTER | CH_DIGIT)) && (ncls & CH_LETTER))
                join = n; /* don't, O'Brien, Iran's: clitics are split below */
            break;
        }
        if (!join)
            break;
        q += join;
        seg_chars = seg_cls = 0;
        n_segs++;
    }

    if (too_long) {
        push(s, p, cut_point(b, p, p + VG_MAX_TOKEN_BYTES), 0);
        return;
    }
    const uint32_t e = q;

    /* An abbreviation keeps its period: U.S., Gen., an initial, "No." before a number. Of
     * "Inc.." it takes one period and leaves the other as a full stop. */
    if (e < ce && b[e] == '.' && !(e + 2 < ce && b[e + 1] == '.' && b[e + 2] == '.') && e - p < 16) {
        int kind = VG_ABBREV_NONE;
        if (letter_period)
            kind = VG_ABBREV_PLAIN;
        else if (n_segs == 1 && seg_chars == 1 && (seg_cls & CH_UPPER))
            kind = VG_ABBREV_PLAIN;
        else if (n_segs == 1 && !(seg_cls & CH_DIGIT))
            kind = vg_segment_abbreviation((const char *)b + p, e - p);
        if (kind == VG_ABBREV_NUMBER && !digit_follows(s, e + 1))
            kind = VG_ABBREV_NONE;
        if (kind != VG_ABBREV_NONE) {
            push(s, p, e + 1, VG_PIECE_ABBREV | (kind == VG_ABBREV_TITLE ? VG_PIECE_TITLE : 0));
            return;
        }
    }

    /* A number glued to a unit or to am/pm ("5pm", "11:30am", "35mm", "$5bn"): EWT splits
     * them; ordinals and decades ("2nd", "1990s") stay whole. */
    if (b[p] >= '0' && b[p] <= '9' && (seg_cls & CH_LETTER)) {
        uint32_t u = e;
        while (u > p && b[u - 1] < 0x80 && (ascii_class[b[u - 1]] & CH_LETTER))
            u--;
        if (u > p && b[u - 1] >= '0' && b[u - 1] <= '9' && is_unit(b + u, e - u)) {
            push(s, p, u, 0);
            push(s, u, e, 0);
            return;
        }
    }

    uint32_t split = clitic_split(b, p, e);
    if (!split && n_segs == 1 && !(seg_cls & CH_DIGIT)) {
        uint32_t at = bare_contraction(b + p, e - p);
        split = at ? p + at : 0;
    }
    if (split) {
        push(s, p, split, VG_PIECE_MULTIWORD);
        push(s, split, e, VG_PIECE_NOSTART);
        return;
    }

    /* Plural possessive: "officials' statement" is officials|' like EWT. */
    if (e < ce && (b[e - 1] | 0x20) == 's') {
        uint32_t alen = b[e] == '\'' ? 1 : (e + 2 < ce && b[e] == 0xE2 && b[e + 1] == 0x80 && b[e + 2] == 0x99) ? 3 : 0;
        if (alen && e + alen == ce && word_follows_space(s, ce)) {
            push(s, p, e, VG_PIECE_MULTIWORD);
            push(s, e, e + alen, VG_PIECE_NOSTART);
            return;
        }
    }

    uint32_t flags = 0;
    if (n_segs == 1 && seg_cls == CH_DIGIT && e - p <= 3)
        flags |= VG_PIECE_NUMBER;
    push(s, p, e, flags);
}

/* ---- punctuation and symbols ---- */

/* "'s", "'ll", "’re" standing alone (text tokenised before it reached us), and decades or
 * years cut short ("'90s", "’08"): one token. Returns its end, or 0. */
static uint32_t lone_clitic(const vg_segmenter *s, uint32_t p, uint32_t alen)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t i = p + alen, k = i;
    if (i + 2 <= s->chunk_end && b[i] >= '0' && b[i] <= '9' && b[i + 1] >= '0' && b[i + 1] <= '9') {
        k = i + 2 < s->chunk_end && b[i + 2] == 's' ? i + 3 : i + 2;
        return k < s->chunk_end && (class_at(s, k) & CH_ALNUM) ? 0 : k;
    }
    while (k < s->chunk_end && k - i < 3 && b[k] < 0x80 && (ascii_class[b[k]] & CH_LETTER))
        k++;
    if (k < s->chunk_end && (class_at(s, k) & CH_ALNUM))
        return 0;
    const unsigned char *c = b + i;
    uint32_t len = k - i;
    if ((len == 1 && strchr("sdmSDM", c[0])) ||
        (len == 2 && (ascii_lower_equal(c, 2, "re") || ascii_lower_equal(c, 2, "ve") || ascii_lower_equal(c, 2, "ll"))))
        return k;
    return 0;
}

static int is_emoticon(const vg_segmenter *s, uint32_t p, uint32_t *end)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t i = p + 1;
    if (i < s->chunk_end && (b[i] == '-' || b[i] == '\''))
        i++;
    if (i >= s->chunk_end || !strchr(")(DPp][|3*", b[i]) || b[i] == '\0')
        return 0;
    i++;
    if (i < s->chunk_end && (class_at(s, i) & CH_ALNUM))
        return 0;
    *end = i;
    return 1;
}

/* Extends a symbol over the combining marks, variation selectors and zero-width-joined
 * symbols that follow it (emoji sequences). */
static uint32_t extend_marks(const vg_segmenter *s, uint32_t p, uint32_t e)
{
    const unsigned char *b = (const unsigned char *)s->body;
    while (e < s->chunk_end && b[e] >= 0x80 && e - p < VG_MAX_TOKEN_BYTES) {
        int32_t cp;
        uint32_t len, cls = char_at(b, e, s->para_end, &cp, &len);
        if (cls & CH_MARK) {
            e += len;
            if (cp == 0x200D && e < s->chunk_end && (class_at(s, e) & CH_PUNCT)) {
                char_at(b, e, s->para_end, &cp, &len);
                e += len;
            }
        } else if (cp >= 0x1F3FB && cp <= 0x1F3FF) { /* skin tone modifiers */
            e += len;
        } else {
            break;
        }
    }
    return e;
}

static void scan_punct(vg_segmenter *s, uint32_t p, int32_t cp, uint32_t n)
{
    const unsigned char *b = (const unsigned char *)s->body;
    const uint32_t ce = s->chunk_end;
    uint32_t e = p + n, flags = 0, k;
    switch (cp) {
    case '.': case 0x2026: {
        /* "...", "…" and longer runs are one token; so is ".?" */
        uint32_t count = 0;
        e = p;
        while (e < ce && e - p < VG_MAX_TOKEN_BYTES) {
            if (b[e] == '.')
                e++;
            else if (e + 3 <= ce && b[e] == 0xE2 && b[e + 1] == 0x80 && b[e + 2] == 0xA6)
                e += 3;
            else
                break;
            count++;
        }
        flags = VG_PIECE_TERMINAL | VG_PIECE_NOSTART;
        if (count == 1 && cp == '.' && e < ce && (b[e] == '?' || b[e] == '!')) {
            while (e < ce && e - p < VG_MAX_TOKEN_BYTES && (b[e] == '?' || b[e] == '!'))
                e++;
        } else if (count == 1 && cp == '.') {
            if (p == s->chunk_start && is_domain_suffix(s, e)) {
                /* ".pdf" */
                e = p + 1;
                while (e < ce && b[e] < 0x80 && (ascii_class[b[e]] & (CH_LETTER | CH_DIGIT)))
                    e++;
                flags = 0;
            } else {
                flags |= VG_PIECE_PERIOD;
            }
        } else {
            flags |= VG_PIECE_ELLIPSIS;
        }
        break;
    }
    case '!': case '?':
        while (e < ce && e - p < VG_MAX_TOKEN_BYTES && (b[e] == '?' || b[e] == '!'))
            e++;
        flags = VG_PIECE_TERMINAL | VG_PIECE_NOSTART;
        break;
    case '=':
        if (is_emoticon(s, p, &e)) {
            flags = VG_PIECE_EMOTICON;
            break;
        }
        goto rule;
    case '#':
        if (e < ce && (class_at(s, e) & CH_LETTER)) {
            /* a hashtag */
            while (e < ce && e - p < VG_MAX_TOKEN_BYTES && b[e] < 0x80 && (ascii_class[b[e]] & (CH_LETTER | CH_DIGIT)))
                e++;
            break;
        }
        goto rule;
    case '-': case '*': case '~':
    rule: case '<': case '>': case '^': case '|': case '+': case '_': case '\\':
        /* a run of rule or arrow characters is one token: "--", "***", "<<", "----==", "-->" */
        while (e < ce && e - p < VG_MAX_TOKEN_BYTES && b[e] != '\0' && strchr("-*=~<>^|+_\\#", b[e]))
            e++;
        break;
    case 0x2014: case 0x2013: case 0x2012: case 0x2015: case '$':
        /* dashes, "$$$" */
        while (e + n <= ce && e - p < VG_MAX_TOKEN_BYTES && memcmp(b + e, b + p, n) == 0)
            e += n;
        if (cp != '$')
            flags = VG_PIECE_NOSTART;
        break;
    case '"':
        flags = VG_PIECE_QUOTE;
        break;
    case '\'':
        if (e < ce && b[e] == '\'') {
            e++; /* '' */
            flags = VG_PIECE_QUOTE;
        } else if ((k = lone_clitic(s, p, 1)) != 0) {
            e = k;
            flags = VG_PIECE_NOSTART;
        } else {
            flags = VG_PIECE_QUOTE;
        }
        break;
    case 0x2019: /* ’ closes a quote, or begins a lone clitic */
        if (e + 3 <= ce && b[e] == 0xE2 && b[e + 1] == 0x80 && b[e + 2] == 0x99) {
            e += 3; /* ’’ */
            flags = VG_PIECE_CLOSE | VG_PIECE_NOSTART;
        } else if ((k = lone_clitic(s, p, 3)) != 0) {
            e = k;
            flags = VG_PIECE_NOSTART;
        } else {
            flags = VG_PIECE_CLOSE | VG_PIECE_NOSTART;
        }
        break;
    case '`':
        if (e < ce && b[e] == '`') {
            e++;
            flags = VG_PIECE_OPEN;
        } else {
            flags = VG_PIECE_QUOTE;
        }
        break;
    case 0x2018: /* ‘ opens; ‘‘ and ‘’ are one token */
        flags = VG_PIECE_OPEN;
        if (e + 3 <= ce && b[e] == 0xE2 && b[e + 1] == 0x80 && (b[e + 2] == 0x98 || b[e + 2] == 0x99)) {
            flags = b[e + 2] == 0x98 ? VG_PIECE_OPEN : VG_PIECE_QUOTE;
            e += 3;
        }
        break;
    case '(': case '[': case '{': case 0x201C: case 0x201E: case 0x201A: case 0xAB: case 0x2039:
        flags = VG_PIECE_OPEN;
        break;
    case ')': case ']': case '}': case 0x201D: case 0xBB: case 0x203A:
        flags = VG_PIECE_CLOSE | VG_PIECE_NOSTART;
        break;
    case ':': case ';':
        flags = is_emoticon(s, p, &e) ? VG_PIECE_EMOTICON : VG_PIECE_NOSTART;
        break;
    case ',': case '%': case '/':
        flags = VG_PIECE_NOSTART;
        break;
    default:
        break;
    }
    if (e < ce && b[e] >= 0x80)
        e = extend_marks(s, p, e);
    push(s, p, e, flags);
}

int vg_segment_tokenize_next(vg_segmenter *s)
{
    const unsigned char *b = (const unsigned char *)s->body;
    uint32_t p = s->pos;
    if (p >= s->chunk_end) {
        while (p < s->para_end) {
            if (b[p] < 0x80) {
                if (!(ascii_class[b[p]] & CH_SPACE))
                    break;
                p++;
            } else {
                int32_t cp;
                uint32_t len;
                if (!(char_at(b, p, s->para_end, &cp, &len) & CH_SPACE))
                    break;
                p += len;
            }
        }
        s->pos = p;
        if (p >= s->para_end)
            return 0;
        start_chunk(s, p);
    }
    if (p == s->url_start) {
        uint32_t e = s->url_end;
        if (e - p > VG_MAX_TOKEN_BYTES) {
            e = cut_point(b, p, p + VG_MAX_TOKEN_BYTES);
            s->url_start = e;
        }
        push(s, p, e, 0);
        /* a URL may begin a sentence whatever its case */
        s->window[s->n - 1].flags &= ~(uint32_t)VG_PIECE_LOWER;
        return 1;
    }
    int32_t cp;
    uint32_t n, cls = char_at(b, p, s->para_end, &cp, &n);
    if (cls & CH_ALNUM)
        scan_word(s, p);
    else
        scan_punct(s, p, cp, n);
    return 1;
}

/* ---- word lists ---- */

typedef struct abbrev_entry {
    const char *text;
    uint8_t len, kind;
} abbrev_entry;

static const abbrev_entry abbreviations[] = {
#define VG_ABBREV(text, kind) {text, sizeof text - 1, VG_ABBREV_##kind},
#include "text/abbrev.def"
#undef VG_ABBREV
};

static const abbrev_entry starters[] = {
#define VG_STARTER(text) {text, sizeof text - 1, 1},
#include "text/starters.def"
#undef VG_STARTER
};

static int entry_compare(const char *word, size_t len, const abbrev_entry *e)
{
    size_t n = len < e->len ? len : e->len;
    int c = memcmp(word, e->text, n);
    if (c)
        return c;
    return len < e->len ? -1 : len > e->len ? 1 : 0;
}

static int lookup(const abbrev_entry *list, size_t count, const char *word, size_t len)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = entry_compare(word, len, &list[mid]);
        if (c == 0)
            return list[mid].kind;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int vg_segment_abbreviation(const char *word, size_t len)
{
    size_t count = sizeof abbreviations / sizeof *abbreviations;
    int kind = lookup(abbreviations, count, word, len);
    if (!kind && len > 1 && len < 16 && word[0] >= 'A' && word[0] <= 'Z') {
        char lower[16];
        memcpy(lower, word, len);
        lower[0] = (char)(lower[0] | 0x20);
        kind = lookup(abbreviations, count, lower, len);
    }
    return kind;
}

int vg_segment_is_starter(const char *word, size_t len)
{
    return lookup(starters, sizeof starters / sizeof *starters, word, len);
}
