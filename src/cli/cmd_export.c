/* vigil export: the store's events as JSON Lines or GDELT-like CSV, its incidents as a STIX 2.1
 * bundle (formats: docs/formats/exports.md). */
#include "cli/commands.h"
#include "store/export_csv.h"
#include "store/export_jsonl.h"
#include "store/export_stix.h"
#include "vigil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ACTOR_FILES 64

static const char help[] =
    "usage: vigil export --format jsonl|csv|stix [options]\n"
    "\n"
    "Writes what the store holds in a format other tools read (docs/formats/exports.md):\n"
    "  jsonl   one event record per line, with its stable id, incident and document\n"
    "  csv     one row per event, columns in the spirit of GDELT 2.0's event table\n"
    "  stix    a STIX 2.1 bundle: a report per incident, identities, threat actors, locations,\n"
    "          relationships, notes for allegations and opinions for denials\n"
    "The same store always exports to the same bytes.\n"
    "\n"
    "options:\n"
    "  --format F         jsonl, csv or stix (required)\n"
    "  --since YYYY-MM-DD jsonl, csv: events of documents published on or after the date;\n"
    "                     stix: incidents last reported on or after it\n"
    "  --db FILE          the store (default: ./vigil.db)\n"
    "  --out FILE         write to FILE instead of standard output\n"
    "  --data DIR         dictionaries and codebook (default: $VIGIL_DATA or data/)\n"
    "  --actors FILE      an actor dictionary to load after DIR/actors/ (repeatable), as given\n"
    "                     to vigil ingest: it names countries and classes identities\n";

static int fail_usage(const char *fmt, const char *value)
{
    fputs("vigil export: ", stderr);
    fprintf(stderr, fmt, value);
    fputs(" (see --help)\n", stderr);
    return 2;
}

int cmd_export(int argc, char **argv)
{
    const char *db = "vigil.db", *format = NULL, *out_path = NULL, *data = NULL;
    const char *actor_files[MAX_ACTOR_FILES];
    size_t n_actor_files = 0;
    vg_export_options options = {0};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(help, stdout);
            return 0;
        }
        if (strcmp(arg, "--format") && strcmp(arg, "--since") && strcmp(arg, "--db") && strcmp(arg, "--out") &&
            strcmp(arg, "--data") && strcmp(arg, "--actors"))
            return fail_usage("unknown argument '%s'", arg);
        if (i + 1 >= argc)
            return fail_usage("%s needs a value", arg);
        const char *value = argv[++i];
        if (!strcmp(arg, "--format")) {
            if (strcmp(value, "jsonl") && strcmp(value, "csv") && strcmp(value, "stix"))
                return fail_usage("unknown format '%s': expected jsonl, csv or stix", value);
            format = value;
        } else if (!strcmp(arg, "--since")) {
            if (!vg_store_date_parse(value))
                return fail_usage("bad date \"%s\": expected YYYY-MM-DD", value);
            options.since = value;
        } else if (!strcmp(arg, "--db")) {
            db = value;
        } else if (!strcmp(arg, "--out")) {
            out_path = value;
        } else if (!strcmp(arg, "--data")) {
            data = value;
        } else {
            if (n_actor_files == MAX_ACTOR_FILES)
                return fail_usage("more than 64 --actors files (the last was '%s')", value);
            actor_files[n_actor_files++] = value;
        }
    }
    if (!format)
        return fail_usage("%s", "--format jsonl|csv|stix is required");
    if (!data)
        data = vigil_default_data_dir();

    int status = 1;
    vg_error err = {0};
    vg_store *store = NULL;
    vg_dict *dict = NULL;
    vg_cameo *cameo = NULL;
    FILE *out = stdout;
    char path[4096];
    /* A missing store is an error, not an empty export: opening read-only never creates it. */
    if (vg_store_open(&store, db, VG_STORE_READONLY, &err)) {
        fprintf(stderr, "vigil export: %s\n", err.message);
        goto out;
    }
    snprintf(path, sizeof path, "%s/actors", data);
    if (vg_dict_load_with(&dict, path, actor_files, n_actor_files, &err)) {
        fprintf(stderr, "vigil export: %s\n", err.message);
        goto out;
    }
    snprintf(path, sizeof path, "%s/cameo/codes.txt", data);
    if (vg_cameo_load(&cameo, path, &err)) {
        fprintf(stderr, "vigil export: %s\n", err.message);
        goto out;
    }
    options.dict = dict;
    options.cameo = cameo;
    if (out_path && !(out = fopen(out_path, "wb"))) {
        fprintf(stderr, "vigil export: cannot write %s: ", out_path);
        perror(NULL);
        out = stdout;
        goto out;
    }
    int rc = !strcmp(format, "jsonl") ? vg_export_jsonl(store, &options, out, &err)
             : !strcmp(format, "csv") ? vg_export_csv(store, &options, out, &err)
                                      : vg_export_stix(store, &options, out, &err);
    if (rc) {
        if (ferror(out))
            fprintf(stderr, "vigil export: cannot write %s\n", out_path ? out_path : "the output");
        else
            fprintf(stderr, "vigil export: %s\n", err.message[0] ? err.message : "cannot write the output");
        goto out;
    }
    status = 0;
out:
    if (out != stdout) {
        if (fclose(out) && !status) {
            fprintf(stderr, "vigil export: cannot write %s\n", out_path);
            status = 1;
        }
        /* A failed export leaves no partial file behind to be mistaken for a whole one (but a
         * device such as /dev/full is not ours to remove). */
        struct stat st;
        if (status && !stat(out_path, &st) && S_ISREG(st.st_mode))
            remove(out_path);
    } else if ((fflush(stdout) || ferror(stdout)) && !status) {
        fprintf(stderr, "vigil export: cannot write the output\n");
        status = 1;
    }
    vg_cameo_free(cameo);
    vg_dict_free(dict);
    vg_store_close(store);
    return status;
}
