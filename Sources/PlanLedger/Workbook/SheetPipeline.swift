import Dispatch
import Synchronization

/// Sheets made one ahead of the writer: while `XLSXFile` writes one sheet, the next is made on another
/// thread, and each is handed over once and then forgotten, so at most two sheets' cells are held.
final class SheetPipeline: Sendable {
  private let makers: [@Sendable () -> Sheet]
  private let made: Mutex<[Int: Sheet]> = Mutex([:])
  private let ready: [DispatchSemaphore]
  /// The next sheet `next()` hands out; only the writer's thread reads and changes it.
  private let taken = Atomic<Int>(0)

  /// A pipeline over `makers`, the first of which starts at once.
  init(_ makers: [@Sendable () -> Sheet]) {
    self.makers = makers
    self.ready = makers.map { _ in DispatchSemaphore(value: 0) }
    if !makers.isEmpty { start(0) }
  }

  private func start(_ index: Int) {
    DispatchQueue.global().async { [self] in
      let sheet = makers[index]()
      made.withLock { $0[index] = sheet }
      ready[index].signal()
    }
  }

  /// The next sheet, waiting for it to be made (and starting the one after it); nil after the last.
  func next() -> Sheet? {
    let index = taken.load(ordering: .relaxed)
    guard index < makers.count else { return nil }
    taken.store(index + 1, ordering: .relaxed)
    ready[index].wait()
    if index + 1 < makers.count { start(index + 1) }
    return made.withLock { $0.removeValue(forKey: index) }
  }
}
