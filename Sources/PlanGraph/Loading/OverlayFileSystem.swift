/// A file system that reads some files from memory and the rest from another: the text an editor holds
/// for open, unsaved documents, over the disk.
public struct OverlayFileSystem: PlanFileSystem {
  /// The file system beneath.
  public var base: any PlanFileSystem
  /// The bytes of the overlaid files, by absolute path.
  public var files: [String: [UInt8]]

  /// Creates an overlay of `files` (by absolute path) over `base`.
  public init(base: any PlanFileSystem = DiskFileSystem(), files: [String: [UInt8]] = [:]) {
    self.base = base
    self.files = files
  }

  /// The overlaid bytes when the path (as written or with links resolved) is held, else the base's.
  public func read(_ path: String) -> Result<[UInt8], PlanFileError> {
    if let bytes = overlaid(path) { return .success(bytes) }
    return base.read(path)
  }

  /// The base's canonical path; an overlaid file that is not on disk yet is its own canonical path.
  public func canonicalPath(_ path: String) -> String? {
    if let canonical = base.canonicalPath(path) { return canonical }
    let normal = PlanPath.normalize(path)
    return files[normal] != nil ? normal : nil
  }

  /// The base's names in the folder, with those of overlaid files not on disk yet.
  public func fileNames(in folder: String) -> [String] {
    let prefix = PlanPath.normalize(folder.isEmpty ? "." : folder)
    var names = Set(base.fileNames(in: folder))
    for path in files.keys where PlanPath.directory(of: path) == prefix || PlanPath.directory(of: path) == folder {
      names.insert(String(path.split(separator: "/").last ?? ""))
    }
    return names.sorted()
  }

  private func overlaid(_ path: String) -> [UInt8]? {
    if files.isEmpty { return nil }
    if let bytes = files[PlanPath.normalize(path)] { return bytes }
    if let canonical = base.canonicalPath(path), let bytes = files[canonical] { return bytes }
    return nil
  }
}
