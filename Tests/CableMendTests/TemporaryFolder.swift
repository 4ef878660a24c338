import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() throws {
    var template = Array((NSTemporaryDirectory() + "/cablemend-test-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard made != nil else { throw CocoaError(.fileWriteUnknown) }
    path = String(cString: template)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `bytes` at `relative`, creating folders on the way; returns the full path.
  @discardableResult
  func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

  func makeFolder(_ relative: String) throws {
    try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
  }

  func read(_ relative: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path + "/" + relative).map(Array.init)
  }

  func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + relative) }

  /// Every file below the folder, relative and sorted.
  func files(under relative: String = "") -> [String] {
    let root = relative.isEmpty ? path : path + "/" + relative
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    return walker.compactMap { $0 as? String }.filter {
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
    }.sorted()
  }
}

/// True when the tests run as root, where permission bits do not stop reads or writes.
let runningAsRoot = geteuid() == 0
