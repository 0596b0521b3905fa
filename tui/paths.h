/* paths.h - path expansion: the FILE|DIR arguments of every mode turned
 * into the minutes files they mean.  No curses. */
#ifndef MINUTES_PATHS_H
#define MINUTES_PATHS_H

/* A directory means every *.xml under it (NAME.notes/ folders and
 * hidden entries left out, links to directories not followed), sorted;
 * a file stands for itself (the loader says what is wrong with it).
 * Returns a malloc'd NULL-terminated array of malloc'd paths; problems
 * (an unreadable directory ...) are said on stderr and counted in
 * *ERRORS. */
char **paths_expand(char *const *args, int nargs, int *errors);
void paths_free(char **paths);

#endif
