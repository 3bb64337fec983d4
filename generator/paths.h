/* Where the program finds its shipped data (schemas, layouts, fonts): the
 * COMMITTEE_PDF_DATADIR environment variable, else PREFIX/share/committee-pdf
 * beside an installed binary, else the source tree a build/ binary sits in. */
#ifndef PATHS_H
#define PATHS_H

/* Borrowed; valid for the life of the process. Never NULL. */
const char *paths_data_dir(void);

/* Paths below the data dir; caller frees with free(). */
char *paths_schema(const char *file_name);   /* e.g. "committee-paper.xsd" */
char *paths_layouts_dir(void);
char *paths_fonts_conf(void);

/* Folder part of a path ("." when it has none); caller frees. */
char *paths_dirname(const char *path);

/* A path named inside a file, read from that file's folder dir: an
 * absolute path as is, else dir/path. Caller frees. */
char *paths_beside(const char *dir, const char *path);

#endif
