/* Compiles the public header alone, strictly: it must stand on its own. */
#include "vigil.h"

int main(void) { return vigil_version() ? 0 : 1; }
