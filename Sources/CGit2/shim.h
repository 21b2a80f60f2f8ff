#ifndef PLANGRAPH_CGIT2_SHIM_H
#define PLANGRAPH_CGIT2_SHIM_H
// libgit2, seen by Swift through this module only, and imported by the PlanHistory module alone:
// plans are read from a repository's history without ever running `git`.
#include <git2.h>

#endif
