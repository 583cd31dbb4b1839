/* The irregular past forms the lemmatizer falls back on (src/tag/irregular.def): sorted for the
 * binary search, one entry per form, and found. */
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
    return check_finish("tag_irregular");
}
