/* vigil eval-parse: placeholder until the stage lands. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_eval_parse(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "vigil eval-parse: not built yet\n");
    return 1;
}
