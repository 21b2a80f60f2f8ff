#ifndef PLANGRAPH_CFUZZER_SHIM_H
#define PLANGRAPH_CFUZZER_SHIM_H
// libFuzzer's driver, linked only by `make fuzz` (-sanitize=fuzzer): the fuzz target's entry point hands
// control to it. Declarations only: nothing here is linked into an ordinary build.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
