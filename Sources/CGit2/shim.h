#ifndef PLANGRAPH_CGIT2_SHIM_H
#define PLANGRAPH_CGIT2_SHIM_H
// libgit2, seen by Swift through this module only, and imported by the PlanHistory module alone:
// plans are read from a repository's history without ever running `git`.
#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call: one wrapper for the one option set.
// Objects are not re-hashed on every read (git itself does not): a large plan file is read at about
// the speed of the disk.
static inline int pg_git_skip_hash_verification(void) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

#endif
