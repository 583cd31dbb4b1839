/* Every bound vigil places on untrusted input, in one place (see docs/limits.md). */
#ifndef VIGIL_LIMITS_H
#define VIGIL_LIMITS_H

/* Largest document read whole; a larger input is cut here with a warning. */
#define VG_MAX_DOCUMENT_BYTES   (64u * 1024u * 1024u)
/* Largest JSON Lines record; a longer line is reported and skipped. */
#define VG_MAX_JSONL_LINE_BYTES (64u * 1024u * 1024u)
/* A sentence longer than this many tokens is split at the limit, so memory and
 * parse time stay bounded on text without punctuation. */
#define VG_MAX_SENTENCE_TOKENS  250u
/* A token longer than this many bytes is cut into pieces of this size. */
#define VG_MAX_TOKEN_BYTES      256u
/* Deepest HTML element nesting that is walked; deeper content is flattened. */
#define VG_MAX_HTML_DEPTH       256u
/* Largest CoNLL-U treebank read (it is read whole; EWT's training file is 14 MB). */
#define VG_MAX_TREEBANK_BYTES   (512u * 1024u * 1024u)
/* Most paragraph candidates (non-empty lines, HTML blocks) taken from one document; the rest
 * is cut with a warning, so per-line bookkeeping stays bounded whatever the input. */
#define VG_MAX_DOCUMENT_LINES   262144u
/* Most HTML elements parsed from one page (a tree node costs ~120 bytes); a page with more is
 * cut before the next tag with a warning. */
#define VG_MAX_HTML_ELEMENTS    500000u
/* Deepest folder nesting a reader descends into; deeper folders are skipped with a warning. */
#define VG_MAX_DIR_DEPTH        64u
/* Largest JSON-LD block read for an HTML page's metadata. */
#define VG_MAX_JSONLD_BYTES     (1024u * 1024u)
/* Largest model file accepted. */
#define VG_MAX_MODEL_BYTES      (512u * 1024u * 1024u)

/* Actor and role dictionaries (src/code/dict.h): largest file, longest line, and most
 * tokens in one name; a dictionary passing them is refused with file:line. */
#define VG_MAX_DICT_FILE_BYTES  (32u * 1024u * 1024u)
#define VG_MAX_DICT_LINE_BYTES  4096u
#define VG_MAX_DICT_NAME_TOKENS 16u

/* Watchlists (src/store/watchlist.h) are written by hand, so these bounds only stop runaway
 * input; a watchlist passing one is refused with file:line. Largest file: */
#define VG_MAX_WATCHLIST_BYTES      (4u * 1024u * 1024u)
/* Longest line of a watchlist. */
#define VG_MAX_WATCHLIST_LINE_BYTES 4096u
/* Most names, codes, roles or hosts (each counted apart) in one watchlist entry. */
#define VG_MAX_WATCHLIST_ITEMS      256u

/* PETRARCH-format dictionaries (src/code/petr_*.h): a file passing one of these is refused with
 * file:line. Largest file (Phoenix.Countries.actors.txt, the largest shipped, is 1.5 MB): */
#define VG_MAX_PETR_FILE_BYTES      (64u * 1024u * 1024u)
/* Longest line of a PETRARCH dictionary. */
#define VG_MAX_PETR_LINE_BYTES      4096u
/* Most words in one actor, agent, synset or verb phrase (a verb pattern may hold twice as
 * many tokens, its words and its markers). */
#define VG_MAX_PETR_WORDS           32u
/* Most irregular forms one verb lists in its {...}. */
#define VG_MAX_PETR_VERB_FORMS      64u
/* Most substitution markers ("!MINIST!") in one agent phrase; each multiplies the phrases. */
#define VG_MAX_PETR_MARKERS         3u
/* Most phrases one agent line may make through its substitution sets, so that a small file
 * cannot ask for millions. */
#define VG_MAX_PETR_EXPANSIONS      4096u

#endif
