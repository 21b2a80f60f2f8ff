#ifndef PLANGRAPH_CYAML_SHIM_H
#define PLANGRAPH_CYAML_SHIM_H
// libyaml's event API, seen by Swift through this module only.
#include <yaml.h>
#endif
