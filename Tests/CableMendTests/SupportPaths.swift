import Foundation

/// Paths the tests read: the repository's `Corpus/` and, when present, the shared data beside
/// the checkout (`../shared`), which is never copied into the repository.
enum SupportPaths {
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var corpus: URL { repositoryRoot.appendingPathComponent("Corpus") }

  static var sample: URL {
    corpus.appendingPathComponent("samples/000_675ac13192480b09.raw.txt")
  }

  /// `../shared/data`, or nil when this checkout has no shared folder beside it.
  static var sharedData: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}
