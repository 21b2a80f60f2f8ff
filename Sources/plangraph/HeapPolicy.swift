#if canImport(Glibc)
  import Glibc

  /// glibc's `mallopt` (in `<malloc.h>`, which the Glibc module does not bring in).
  @_silgen_name("mallopt")
  private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// How the process's heap gives memory back: set once, as the command starts.
///
/// glibc raises the size from which it maps a block on its own to the largest block freed so far, so
/// that after the first multi-megabyte arrays of a large plan are freed, later ones come from the heap,
/// and what is freed there stays resident in holes that the next arrays fit only in part. With the
/// scheduler's facts made beside the dependency graph (`PlanLoader.preparesSchedule`) that left 15 MiB
/// more at a million tasks (346 against 331 MiB). A fixed size of 8 MiB maps every block that large by
/// itself and unmaps it when it is freed, so that the peak follows what is alive, while the 1–4 MB
/// arrays of a million tasks keep the heap's reuse (mapped afresh each time from 4 MiB, their page
/// faults cost about 40 ms more).
enum HeapPolicy {
  /// Blocks of this many bytes or more are mapped and unmapped by themselves (`M_MMAP_THRESHOLD`).
  static let mappedFromBytes: Int32 = 8 << 20

  /// Applies the policy (glibc only; elsewhere nothing changes).
  static func apply() {
    #if canImport(Glibc)
      // M_MMAP_THRESHOLD is -3 in <malloc.h>.
      _ = mallopt(-3, mappedFromBytes)
    #endif
  }
}
