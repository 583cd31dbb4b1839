/* The lemmatizer's fallbacks: the irregular past forms (src/tag/irregular.def), sorted for the
 * binary search, one entry per form, and found; and the stems that take no final "e". */
#include <string.h>
#include "check.h"
#include "tag/tag_internal.h"

static const char *const forms[] = {
#define IRREGULAR(form, verb) form,
#include "tag/irregular.def"
#undef IRREGULAR
};

int main(void)
{
    size_t n = sizeof forms / sizeof *forms;
    CHECK(n > 150);
    for (size_t i = 1; i < n; i++)
        if (strcmp(forms[i - 1], forms[i]) >= 0) {
            fprintf(stderr, "out of order: %s before %s\n", forms[i - 1], forms[i]);
            CHECK(0);
        }
    for (size_t i = 0; i < n; i++)
        CHECK(tag_irregular_verb(forms[i]) != NULL);
    CHECK_STR(tag_irregular_verb("shot"), "shoot");
    CHECK_STR(tag_irregular_verb("struck"), "strike");
    CHECK_STR(tag_irregular_verb("fled"), "flee");
    CHECK_STR(tag_irregular_verb("sought"), "seek");
    CHECK(tag_irregular_verb("walked") == NULL);
    CHECK(tag_irregular_verb("") == NULL);
    /* the suffix rules' final "e" ("handling" -> "handle") is not for a two-letter vowel */
    CHECK(tag_stem_takes_no_e("foil", 4));
    CHECK(tag_stem_takes_no_e("spoil", 5));
    CHECK(tag_stem_takes_no_e("rain", 4));
    CHECK(tag_stem_takes_no_e("shout", 5));
    CHECK(!tag_stem_takes_no_e("handl", 5));
    CHECK(!tag_stem_takes_no_e("evacuat", 7));   /* u-a: two syllables */
    CHECK(!tag_stem_takes_no_e("guid", 4));
    CHECK(!tag_stem_takes_no_e("leav", 4));      /* v: "leave" */
    CHECK(!tag_stem_takes_no_e("ea", 2));
    return check_finish("tag_irregular");
}
