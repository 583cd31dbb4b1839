/* Library version and global set-up. */
#include "vigil.h"
#include "text/document.h"

const char *vigil_version(void) { return VIGIL_VERSION; }

void vigil_init(void) { vg_text_global_init(); }
