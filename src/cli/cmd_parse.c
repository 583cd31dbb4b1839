/* vigil parse: placeholder until the stage lands. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_parse(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "vigil parse: not built yet\n");
    return 1;
}
