/* vigil train: placeholder until the stage lands. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_train(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "vigil train: not built yet\n");
    return 1;
}
