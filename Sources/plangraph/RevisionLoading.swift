import ArgumentParser
import Dispatch
import PlanGraph
import PlanHistory
import Synchronization

/// Loads a plan from the working tree or from a revision (`PLAN@REV`), scheduled, for `diff`, `slip`,
/// `history` and `report --since`; any problem is printed and exits with status 2.
enum RevisionLoading {
  /// The repository holding `path`, or a printed error and exit 2.
  static func repository(for path: String) throws -> PlanRepository {
    do {
      return try PlanRepository(planPath: path)
    } catch {
      throw fail(error)
    }
  }

  /// The commit `revision` names, or a printed error and exit 2.
  static func commit(_ revision: String, in repository: PlanRepository) throws -> GitCommit {
    do {
      return try repository.commit(revision)
    } catch {
      throw fail(
        error,
        hint: CommandLanguage.current.pick(
          "give a commit id, tag, branch or an expression such as HEAD~3", "给出提交编号、标签、分支，或 HEAD~3 这样的表达式"))
    }
  }

  /// The plan at `reference` scheduled as of `asOf`, named for reports.
  static func side(_ reference: PlanReference, asOf: Day, window: Int) throws -> PlanSide {
    // The plan on disk is an input whichever revision is read: `-o` may not write over it.
    PlanInputs.record([reference.path])
    guard let revision = reference.revision else {
      let check = PlanCheck(path: reference.path, asOf: asOf, window: window, lint: false)
      guard let plan = check.plan, let schedule = check.schedule else {
        printDiagnostics(check.diagnostics, sources: check.sources, language: CommandLanguage.current)
        throw ExitCode(2)
      }
      PlanInputs.record(plan.files)
      return PlanSide(plan: plan, schedule: schedule, label: reference.path)
    }
    let repository = try repository(for: reference.path)
    let commit = try commit(revision, in: repository)
    return try side(repository, commit: commit, revision: revision, asOf: asOf, window: window)
  }

  /// The plan at `commit` scheduled as of `asOf`, labelled `REV (short id)`.
  static func side(
    _ repository: PlanRepository, commit: GitCommit, revision: String, asOf: Day, window: Int
  ) throws -> PlanSide {
    let check: PlanCheck
    do {
      check = try repository.check(at: commit, revision: revision, asOf: asOf, window: window)
    } catch {
      throw fail(error)
    }
    guard let plan = check.plan, let schedule = check.schedule else {
      let language = CommandLanguage.current
      Output.err(
        language.pick(
          "plangraph: the plan at revision '\(revision)' (\(commit.id.short)) is not valid:\n",
          "plangraph: 版本“\(revision)”（\(commit.id.short)）中的计划有错误：\n"))
      printDiagnostics(check.diagnostics, sources: check.sources, language: language)
      throw ExitCode(2)
    }
    let label =
      revision == commit.id.description || revision == commit.id.short
      ? commit.id.short : "\(revision) (\(commit.id.short))"
    return PlanSide(plan: plan, schedule: schedule, label: label)
  }

  /// Prints a git error compiler style, with a hint, and gives exit status 2.
  static func fail(_ error: GitError, hint: String? = nil) -> ExitCode {
    // git's own words (libgit2's messages) stay as they are; the hints are in the command's language.
    let language = CommandLanguage.current
    var text = "plangraph: error: \(error.description)\n"
    let hintWord = language.pick("  hint: ", "  提示：")
    switch error {
    case .notARepository:
      text +=
        hintWord
        + language.pick(
          "plan history is read from the git repository that holds the plan; commit the plan first",
          "计划的历史从存放计划的 git 仓库读取；先提交计划") + "\n"
    case .planMissing:
      text +=
        hintWord
        + language.pick(
          "the plan was added later or lived elsewhere then; `plangraph history` lists its commits",
          "计划是后来加入的，或当时在别处；plangraph history 会列出它的提交") + "\n"
    case .noCommits:
      text += hintWord + language.pick("commit the plan first", "先提交计划") + "\n"
    default:
      if let hint { text += hintWord + hint + "\n" }
    }
    Output.err(text)
    return ExitCode(2)
  }
}

extension RevisionLoading {
  /// Both sides of a comparison, read and scheduled on two threads at once: each is a whole load and
  /// schedule, and neither needs the other. A side that fails has printed why; the first failure is thrown.
  static func sides(
    _ old: @escaping @Sendable () throws -> PlanSide, _ new: @escaping @Sendable () throws -> PlanSide
  ) throws -> (PlanSide, PlanSide) {
    let results = Mutex<[Int: Result<PlanSide, any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let result = Result { try (index == 0 ? old : new)() }
      results.withLock { $0[index] = result }
    }
    let done = results.withLock { $0 }
    guard let first = done[0], let second = done[1] else { throw ExitCode(2) }
    return (try first.get(), try second.get())
  }
}
