import Foundation
import Testing

/// How `ledger` says it could not write: in the command's language, naming the folder at fault.
@Suite struct LedgerFailureTests {
  @Test func anUnwritableTemporaryFolderIsNamed() throws {
    let result = try CommandRunner.run(
      [
        "ledger", "plans/chengqu-2017/plan.yaml", "--as-of", "2018-06-30", "--lang", "zh", "-o",
        "/tmp/plangraph-never-\(UUID().uuidString).xlsx",
      ], environment: ["TMPDIR": "/nonexistent-plangraph-folder"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("无法写出工作簿：cannot make a temporary file in '/nonexistent-plangraph-folder'"),
      "\(result.stderr)")
  }
}
