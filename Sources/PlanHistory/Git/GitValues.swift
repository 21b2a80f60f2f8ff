import PlanGraph

/// A git object id: the 20 bytes of a SHA-1.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible {
  /// The raw bytes.
  public var bytes: [UInt8]

  /// The id in hexadecimal, as git prints it.
  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The first seven digits, as a short id.
  public var short: String { String(description.prefix(7)) }
}

/// What a commit records: its tree, parents, author, time and message.
public struct GitCommit: Hashable, Sendable {
  /// The commit's id.
  public var id: GitObjectID
  /// Its root tree.
  public var tree: GitObjectID
  /// Its parents, first parent first.
  public var parents: [GitObjectID]
  /// The author's name.
  public var author: String
  /// The author's e-mail address.
  public var email: String
  /// The author's time, in seconds since 1970-01-01 UTC.
  public var time: Int64
  /// The author's offset from UTC, in minutes.
  public var offsetMinutes: Int
  /// The whole message.
  public var message: String

  /// The calendar day of the author's time, in the author's own time zone.
  public var day: Day {
    let local = time + Int64(offsetMinutes) * 60
    let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    return Day(ordinal: Int(days))
  }

  /// The message's first line.
  public var summary: String {
    String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }
}

/// One entry of a tree: what kind of thing it is and its object id.
public struct GitEntry: Hashable, Sendable {
  /// The kinds of tree entries.
  public enum Kind: Hashable, Sendable {
    /// A regular (or executable) file.
    case file
    /// A folder.
    case tree
    /// A symbolic link, whose blob holds the target path.
    case symbolicLink
    /// A submodule or anything else.
    case other
  }

  /// The object id of the blob or tree.
  public var id: GitObjectID
  /// The kind of entry.
  public var kind: Kind
}

/// Why something could not be read from a repository.
public enum GitError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No repository holds the path.
  case notARepository(String)
  /// The revision names nothing git knows, or nothing that leads to a commit.
  case unknownRevision(String)
  /// The plan's root file does not exist at the revision.
  case planMissing(path: String, revision: String)
  /// A blob larger than the plan format's limit.
  case tooLarge(Int)
  /// Any other failure of libgit2, with its message.
  case library(String)
  /// The repository has no commit yet (its `HEAD` branch is unborn).
  case noCommits

  /// The problem in words.
  public var description: String {
    switch self {
    case .notARepository(let path): return "'\(path)' is not inside a git repository"
    case .unknownRevision(let revision): return "unknown revision '\(revision)'"
    case .planMissing(let path, let revision): return "'\(path)' does not exist at revision '\(revision)'"
    case .tooLarge(let size): return "it is \(size) bytes, more than the limit of \(PlanLimits.maximumFileSize)"
    case .library(let message): return message
    case .noCommits: return "the repository has no commits yet"
    }
  }
}
