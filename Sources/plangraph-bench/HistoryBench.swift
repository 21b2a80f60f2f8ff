import PlanGraph
import PlanHistory

#if canImport(Glibc)
  import Glibc
#endif

/// `make bench`'s history rows: reading a plan from a revision against reading it from disk, `diff` of two
/// revisions against one `schedule`, and `history` of the Chengqu plan over this repository's commits.
/// The throwaway repository is written through the libgit2 wrapper, as the tests do.
enum HistoryBench {
  @MainActor static func run(binary: String, work: String, runs: Int, size: Int, asOf: String) {
    print("")
    print("| plan history | tasks | from disk | from a revision | ratio |")
    print("|---|---:|---:|---:|---:|")
    let folder = "\(work)/history-\(size)-\(getpid())"
    mkdir(folder, 0o755)
    defer { removeTree(folder) }
    guard let repository = try? GitRepository.create(at: folder) else {
      print("| (cannot create a repository in \(folder)) | | | | |")
      return
    }
    let first = PlanGenerator(taskCount: size, seed: 42, format: .yaml).generate()
    let second = Array(String(decoding: first, as: UTF8.self).replacing("duration: 3d", with: "duration: 5d").utf8)
    guard
      let c1 = try? repository.writeCommit(
        files: ["plan/plan.yaml": first], message: "first", author: "bench", email: "bench@example.cn",
        time: 1_600_000_000, parents: []),
      (try? repository.writeCommit(
        files: ["plan/plan.yaml": second], message: "second", author: "bench", email: "bench@example.cn",
        time: 1_600_086_400, parents: [c1])) != nil
    else { return }
    let path = folder + "/plan/plan.yaml"
    mkdir(folder + "/plan", 0o755)
    guard let file = fopen(path, "wb") else { return }
    _ = second.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    guard let planRepository = try? PlanRepository(planPath: path), let head = try? planRepository.commit("HEAD")
    else { return }
    let (diskBytes, treeBytes) = alternating(runs: runs) {
      _ = DiskFileSystem().read(path)
    } _: {
      _ = planRepository.fileSystem(at: head).read(path)
    }
    print(
      "| read the file's bytes only (\(second.count / 1_048_576) MiB) | \(size) | \(show(diskBytes)) | \(show(treeBytes)) | "
        + "\(ratio(treeBytes, diskBytes)) |")
    // Alternated, so that a busy machine slows both alike.
    let (disk, tree) = alternating(runs: runs) {
      _ = PlanLoader().load(path: path)
    } _: {
      _ = PlanLoader(fileSystem: planRepository.fileSystem(at: head)).load(path: path)
    }
    print(
      "| read the generated YAML plan (in process) | \(size) | \(show(disk)) | \(show(tree)) | \(ratio(tree, disk)) |")

    var schedules: [Double] = []
    var diffs: [Double] = []
    var schedule = Measure.run([binary, "schedule", path, "--as-of", asOf, "--format", "json"])
    var diff = Measure.run([binary, "diff", path + "@HEAD~1", "--to", "HEAD", "--as-of", asOf, "--format", "json"])
    for _ in 0..<max(1, runs) {
      schedule = Measure.run([binary, "schedule", path, "--as-of", asOf, "--format", "json"])
      diff = Measure.run([binary, "diff", path + "@HEAD~1", "--to", "HEAD", "--as-of", asOf, "--format", "json"])
      schedules.append(schedule.seconds)
      diffs.append(diff.seconds)
    }
    schedule.seconds = schedules.sorted()[schedules.count / 2]
    diff.seconds = diffs.sorted()[diffs.count / 2]
    print(
      "| `diff` of two revisions vs one `schedule --format json` | \(size) | \(timed((schedule.seconds, schedule.peakKiB, schedule.status))) | "
        + "\(timed((diff.seconds, diff.peakKiB, diff.status), allowed: [0, 1])) | \(ratio(diff.seconds, schedule.seconds)) |"
    )
    let chengqu = "plans/chengqu-2017/plan.yaml"
    if access(chengqu, R_OK) == 0 {
      let history = Measure.median(runs: runs, [binary, "history", chengqu])
      let commits = (try? PlanRepository(planPath: chengqu)).flatMap { repo in
        (try? repo.commit("HEAD")).flatMap { try? repo.commitsTouchingPlan(from: $0).count }
      }
      print("| `history` of the Chengqu plan, \(commits ?? 0) commits | 380 | | \(timed(history)) | |")
    }
  }

  /// The median times of two closures run in turn, after a warm-up of each.
  static func alternating(runs: Int, _ first: () -> Void, _ second: () -> Void) -> (Double, Double) {
    first()
    second()
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<max(1, runs) {
      var start = Measure.now()
      first()
      a.append(Measure.now() - start)
      start = Measure.now()
      second()
      b.append(Measure.now() - start)
    }
    return (a.sorted()[a.count / 2], b.sorted()[b.count / 2])
  }

  static func ratio(_ a: Double, _ b: Double) -> String {
    b > 0 ? String(Double(Int(a / b * 100)) / 100) + "×" : "—"
  }

  /// Removes the throwaway repository (files and folders below `path`), without running anything.
  static func removeTree(_ path: String) {
    guard let directory = opendir(path) else {
      unlink(path)
      return
    }
    var children: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { children.append(path + "/" + name) }
    }
    closedir(directory)
    for child in children {
      var info = stat()
      if lstat(child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { unlink(child) }
    }
    rmdir(path)
  }
}
