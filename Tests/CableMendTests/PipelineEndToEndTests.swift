import Foundation
import Testing

@testable import CableMend

/// Hostile files through the whole pipeline (read from disk, every stage): each gives output
/// or a clear error, never a crash.
@Suite struct PipelineEndToEndTests {
  static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("cablemend-\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: url)
    return url.path
  }

  static func mend(path: String) throws -> MendResult {
    let bytes = try InputReader.read(path)
    return try Pipeline(options: MendOptions()).mend(bytes, name: path)
  }

  @Test func fileOfRandomBytesGivesTextAndValidJSON() throws {
    var random = SeededRandom(seed: 7)
    let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
    let path = try Self.temporaryFile(bytes, name: "random.bin")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Self.mend(path: path)
    #expect(!result.text.isEmpty)
    #expect(result.document.edits.contains { $0.kind == .decode })
    #expect(result.document.edits.allSatisfy { $0.source.end <= bytes.count })
    let json = try result.report.json()
    #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
  }

  @Test func emptyFileGivesEmptyText() throws {
    let path = try Self.temporaryFile([], name: "empty.txt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Self.mend(path: path)
    #expect(result.text.isEmpty)
    #expect(result.document.edits.isEmpty)
  }

  @Test func missingFileIsAnErrorThatNamesIt() {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-cable-\(UUID().uuidString).txt").path
    #expect {
      _ = try InputReader.read(path)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.path == path && error.description.contains(path) && error.description.contains("check the path")
    }
  }

  /// 50 MB on one line with no newline: plain ASCII with a typographic apostrophe every
  /// 64 KB, which the `unicode` stage folds.
  @Test func fiftyMegabyteFileWithOneLine() throws {
    let filler = Array("REF A STATE 123456 AND THE MINISTER'S REPLY OF 12 MAY. ".utf8)
    let damage = Array("MINISTER\u{2019}S ".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(50_000_100)
    var repairs = 0
    while bytes.count < 50_000_000 {
      for _ in 0..<(65_536 / filler.count) { bytes += filler }
      bytes += damage
      repairs += 1
    }
    let path = try Self.temporaryFile(bytes, name: "huge.txt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Self.mend(path: path)
    #expect(result.document.lines.count == 1)
    #expect(result.document.edits.count == repairs)
    #expect(result.text.utf8.count == bytes.count - 2 * repairs + 1)  // 3-byte ’ to ', plus "\n"
    // Booleans first, so a failure never prints 50 MB.
    let endsRight = result.text.hasSuffix("MINISTER'S \n")
    #expect(endsRight)
  }
}
