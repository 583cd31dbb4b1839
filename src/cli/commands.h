/* The subcommands: each cmd_<name>.c defines one, taking argv from the command name on. */
#ifndef VIGIL_CLI_COMMANDS_H
#define VIGIL_CLI_COMMANDS_H

typedef struct vg_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} vg_command;

int cmd_parse(int argc, char **argv);
int cmd_eval_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_incidents(int argc, char **argv);
int cmd_claims(int argc, char **argv);
int cmd_actor(int argc, char **argv);
int cmd_board(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
