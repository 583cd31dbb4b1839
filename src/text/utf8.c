/* UTF-8 decoding, repair, NFC (through utf8proc), UTF-16 conversion and binary sniffing; see utf8.h. */
#include "text/utf8.h"
#include "util/alloc.h"
#include "util/error.h"
#include <string.h>
#include <utf8proc.h>

size_t vg_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t need;
    unsigned lo = 0x80, hi = 0xBF; /* the allowed range of the second byte (Unicode table 3-7) */
    int32_t value;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        value = (int32_t)(c & 0x1F);
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        value = (int32_t)(c & 0x0F);
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        value = (int32_t)(c & 0x07);
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        *cp = -1; /* stray continuation byte, C0/C1 overlong lead, or F5..FF */
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= len) {
            *cp = -1;
            return i;
        }
        unsigned b = s[i];
        unsigned min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
        if (b < min || b > max) {
            *cp = -1;
            return i;
        }
        value = (value << 6) | (int32_t)(b & 0x3F);
    }
    *cp = value;
    return need;
}

size_t vg_utf8_encode(int32_t cp, char out[4])
{
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

int vg_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = vg_utf8_decode(u + i, len - i, &cp);
        if (cp < 0) {
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

/* What the cleaner does with one (valid) code point. */
enum { KEEP, DROP, SPACE, NEWLINE };

static int classify(int32_t cp)
{
    if (cp < 0x20 || cp == 0x7F) {
        if (cp == '\n')
            return KEEP;
        if (cp == '\t')
            return SPACE;
        if (cp == '\v' || cp == '\f')
            return NEWLINE;
        return DROP; /* NUL, CR and the rest are handled or counted by the caller */
    }
    if (cp < 0x80)
        return KEEP;
    if (cp == 0x85)
        return NEWLINE;
    if (cp < 0xA0)
        return DROP; /* C1 controls */
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000)
        return SPACE;
    if (cp == 0xAD || cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
        return DROP; /* invisible: soft hyphen, zero-width space, bidi marks, BOM */
    if (cp == 0x2028 || cp == 0x2029)
        return NEWLINE;
    return KEEP;
}

static const char replacement[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

int vg_utf8_clean(const char *src, size_t len, vg_buf *out, vg_utf8_report *report)
{
    vg_utf8_report local;
    if (!report)
        report = &local;
    memset(report, 0, sizeof *report);
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    int rc = 0;
    while (i < len && !rc) {
        /* Copy a run of printable ASCII and line feeds in one go. */
        size_t run = i;
        while (run < len && ((s[run] >= 0x20 && s[run] < 0x7F) || s[run] == '\n'))
            run++;
        if (run > i) {
            rc = vg_buf_append(out, s + i, run - i);
            i = run;
            continue;
        }
        if (s[i] == 0) {
            if (report->nul++ == 0)
                report->first_nul = i;
            i++;
            continue;
        }
        if (s[i] == '\r') {
            i++;
            if (i < len && s[i] == '\n')
                i++;
            rc = vg_buf_putc(out, '\n');
            continue;
        }
        int32_t cp;
        size_t n = vg_utf8_decode(s + i, len - i, &cp);
        if (cp < 0) {
            if (report->invalid++ == 0)
                report->first_invalid = i;
            rc = vg_buf_append(out, replacement, sizeof replacement);
        } else {
            switch (classify(cp)) {
            case KEEP: rc = vg_buf_append(out, s + i, n); break;
            case SPACE: rc = vg_buf_putc(out, ' '); break;
            case NEWLINE: rc = vg_buf_putc(out, '\n'); break;
            default: report->controls++; break;
            }
        }
        i += n;
    }
    return rc;
}

int vg_utf16_to_utf8(const unsigned char *src, size_t len, int big_endian, vg_buf *out,
                     vg_utf8_report *report)
{
    size_t i = 0;
    int rc = 0;
    char enc[4];
    while (i + 1 < len && !rc) {
        uint32_t unit = big_endian ? (uint32_t)src[i] << 8 | src[i + 1] : (uint32_t)src[i + 1] << 8 | src[i];
        size_t at = i;
        i += 2;
        int32_t cp = (int32_t)unit;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < len) {
            uint32_t low = big_endian ? (uint32_t)src[i] << 8 | src[i + 1] : (uint32_t)src[i + 1] << 8 | src[i];
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = (int32_t)(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
            } else {
                cp = -1;
            }
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            cp = -1;
        }
        if (cp < 0) {
            if (report && report->invalid++ == 0)
                report->first_invalid = at;
            rc = vg_buf_append(out, replacement, sizeof replacement);
        } else {
            rc = vg_buf_append(out, enc, vg_utf8_encode(cp, enc));
        }
    }
    if (!rc && i < len) { /* an odd final byte */
        if (report && report->invalid++ == 0)
            report->first_invalid = i;
        rc = vg_buf_append(out, replacement, sizeof replacement);
    }
    return rc;
}

int vg_utf_sniff(const unsigned char *s, size_t len, size_t *bom_len)
{
    *bom_len = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *bom_len = 3;
        return 0;
    }
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *bom_len = 2;
        return 1;
    }
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *bom_len = 2;
        return 2;
    }
    /* Without a mark: English in UTF-16 has a NUL in nearly every other byte, on one side. */
    size_t n = len < 4096 ? len : 4096;
    if (n < 8)
        return 0;
    size_t even = 0, odd = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    size_t pairs = n / 2;
    if (odd * 10 >= pairs * 7 && even * 10 < pairs)
        return 1;
    if (even * 10 >= pairs * 7 && odd * 10 < pairs)
        return 2;
    return 0;
}

int vg_utf8_looks_binary(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = len < VG_UTF8_SNIFF_BYTES ? len : VG_UTF8_SNIFF_BYTES;
    if (n == 0)
        return 0;
    size_t controls = 0, invalid = 0, i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B) ||
                c == 0x7F)
                controls++;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = vg_utf8_decode(u + i, n - i, &cp);
        if (cp < 0 && i + k < n) /* (a sequence cut by the sample's end is not held against it) */
            invalid += k;
        i += k;
    }
    return controls * 10 > n * 3 || invalid * 10 > n * 3 || (controls + invalid) * 10 > n * 4;
}

/* Can the text be cut just before the code point at s (at a character boundary) without
 * changing its normal form? Only before a character that never composes with anything that
 * precedes it and is not reordered: ASCII, and starters of common scripts that are never the
 * second character of a composition. */
static int safe_cut_before(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80)
        return 1;
    int32_t cp;
    vg_utf8_decode(s, len, &cp);
    return (cp >= 0xA0 && cp < 0x300) || (cp >= 0x400 && cp <= 0x482) || (cp >= 0x5D0 && cp <= 0x5EA) ||
           (cp >= 0x621 && cp <= 0x64A) || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3);
}

/* Only bytes >= 0xCC start characters at or above U+0300, the first that NFC can change;
 * of those, General Punctuation from U+2002 to U+206F (curly quotes, dashes, ellipsis) is
 * stable under NFC and never combines, and news text is full of it. */
static int needs_nfc(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0xCC)
            continue;
        if (s[i] == 0xE2 && i + 2 < len && (s[i + 1] == 0x80 || s[i + 1] == 0x81)) {
            unsigned cp = 0x2000u | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
            if (cp >= 0x2002 && cp <= 0x206F) {
                i += 2;
                continue;
            }
        }
        return 1;
    }
    return 0;
}

static int nfc_piece(const unsigned char *s, size_t len, vg_buf *out)
{
    if (!needs_nfc(s, len))
        return vg_buf_append(out, s, len);
    const utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count = utf8proc_decompose(s, (utf8proc_ssize_t)len, NULL, 0, options);
    if (count < 0)
        return VG_EINVAL; /* (only on ill-formed input, which callers clean first) */
    utf8proc_int32_t *cps = vg_malloc(((size_t)count + 1) * sizeof *cps);
    if (!cps)
        return VG_ENOMEM;
    int rc = 0;
    utf8proc_ssize_t again = utf8proc_decompose(s, (utf8proc_ssize_t)len, cps, count, options);
    utf8proc_ssize_t bytes = again == count ? utf8proc_reencode(cps, count, options) : -1;
    if (bytes < 0)
        rc = VG_EINVAL;
    else
        rc = vg_buf_append(out, cps, (size_t)bytes);
    vg_free(cps);
    return rc;
}

int vg_utf8_nfc(const char *src, size_t len, vg_buf *out)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t start = 0;
    while (start < len) {
        size_t end = len;
        if (len - start > VG_UTF8_NFC_PIECE) {
            /* Cut at the first safe point after a full piece; if a hostile input offers none
             * within another piece, at any character boundary (its normal form may then differ
             * at the cut, which is harmless, where unbounded memory would not be). */
            size_t limit = start + 2 * (size_t)VG_UTF8_NFC_PIECE < len ? start + 2 * (size_t)VG_UTF8_NFC_PIECE : len;
            end = start + VG_UTF8_NFC_PIECE;
            while (end < limit && ((s[end] & 0xC0) == 0x80 || !safe_cut_before(s + end, len - end)))
                end++;
            while (end < len && (s[end] & 0xC0) == 0x80)
                end++;
        }
        int rc = nfc_piece(s + start, end - start, out);
        if (rc)
            return rc;
        start = end;
    }
    return 0;
}
