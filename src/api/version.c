/* Library version. */
#include "vigil.h"

const char *vigil_version(void) { return VIGIL_VERSION; }
