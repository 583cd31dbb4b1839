/* UTF-8 repair and NFC normalisation: everything a reader hands on is valid NFC UTF-8 with
 * "\n" line breaks, single-byte spaces and no control characters. */
#ifndef VIGIL_UTF8_H
#define VIGIL_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include "util/buf.h"

/* Decodes the code point at s[0..len) (len >= 1). Returns the number of bytes it takes and
 * sets *cp; for an ill-formed sequence (overlong, surrogate, above U+10FFFF, truncated, stray
 * continuation byte) sets *cp = -1 and returns the length of its maximal subpart, so that one
 * U+FFFD replaces each maximal subpart (the Unicode-recommended practice). */
size_t vg_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);

/* Writes the UTF-8 form of cp (a scalar value) to out; returns its length (1-4). */
size_t vg_utf8_encode(int32_t cp, char out[4]);

/* 1 when s[0..len) is well-formed UTF-8; otherwise 0 and *bad_offset (when not NULL) is the
 * offset of the first ill-formed byte. */
int vg_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* What vg_utf8_clean changed, so that the reader can warn once per document. */
typedef struct vg_utf8_report {
    size_t invalid;        /* ill-formed sequences replaced by U+FFFD */
    size_t first_invalid;  /* input byte offset of the first one */
    size_t nul;            /* NUL bytes removed */
    size_t first_nul;
    size_t controls;       /* other control and invisible formatting characters removed */
} vg_utf8_report;

/* Appends to out the text of src[0..len) made valid and plain:
 *   - each ill-formed sequence becomes U+FFFD;
 *   - NUL bytes, C0/C1 controls other than the ones below, DEL, zero-width spaces, soft
 *     hyphens, byte-order marks and bidirectional formatting marks are removed;
 *   - CR LF, CR, NEL, VT, FF, U+2028 and U+2029 become "\n";
 *   - tab, no-break space and the other Unicode spaces become " ".
 * Curly quotes, dashes and every other character are kept as they are. report (may be NULL)
 * is reset and filled. Returns 0, VG_ENOMEM or VG_ELIMIT (out's maximum). */
int vg_utf8_clean(const char *src, size_t len, vg_buf *out, vg_utf8_report *report);

/* Appends the NFC form of src[0..len), which must be valid UTF-8, to out. Text is normalised
 * in pieces cut before characters that cannot compose with what precedes them, so memory is
 * bounded by the piece size (VG_UTF8_NFC_PIECE bytes) rather than by the input.
 * Returns 0, VG_ENOMEM or VG_ELIMIT. */
#define VG_UTF8_NFC_PIECE 65536u
int vg_utf8_nfc(const char *src, size_t len, vg_buf *out);

/* Converts UTF-16 (little- or big-endian, without its byte-order mark) to UTF-8, appending
 * to out; unpaired surrogates and a final odd byte become U+FFFD (counted in report->invalid). */
int vg_utf16_to_utf8(const unsigned char *src, size_t len, int big_endian, vg_buf *out,
                     vg_utf8_report *report);

/* Guesses the encoding of a byte stream from its start: 1 = UTF-16LE, 2 = UTF-16BE (by
 * byte-order mark or by NUL bytes at every other position), 0 = treat as UTF-8.
 * *bom_len is set to the length of a byte-order mark to skip (UTF-8's too). */
int vg_utf_sniff(const unsigned char *s, size_t len, size_t *bom_len);

/* 1 when the first VG_UTF8_SNIFF_BYTES of s look like binary data rather than text: more
 * than 30% NUL or control bytes, more than 30% bytes in ill-formed UTF-8 sequences, or more
 * than 40% of both together (random bytes have about 12% and 50%). */
#define VG_UTF8_SNIFF_BYTES 65536u
int vg_utf8_looks_binary(const char *s, size_t len);

#endif
