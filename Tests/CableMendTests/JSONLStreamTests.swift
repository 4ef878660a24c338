import Foundation
import Testing

@testable import CableMend

@Suite struct JSONLStreamTests {
  let stream: JSONLStream

  init() throws { stream = JSONLStream(pipeline: try Pipeline()) }

  /// Feeds `input` in chunks of `chunkSize` bytes and returns the parsed output lines.
  private func run(_ input: String, chunkSize: Int = 1 << 16, using stream: JSONLStream? = nil)
    throws -> (lines: [[String: Any]], summary: JSONLSummary, raw: [UInt8])
  {
    var remaining = ArraySlice(Array(input.utf8))
    var output: [UInt8] = []
    let summary = (stream ?? self.stream).run(
      read: {
        let chunk = Array(remaining.prefix(chunkSize))
        remaining = remaining.dropFirst(chunkSize)
        return chunk
      },
      write: { output += $0 })
    let lines = try output.split(separator: 0x0A).map {
      try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
    }
    return (lines, summary, output)
  }

  @Test func emptyInputGivesNoOutput() throws {
    let result = try run("")
    #expect(result.raw.isEmpty)
    #expect(result.summary == JSONLSummary())
  }

  /// Two paragraphs that need no repair. (`HELLO\nWORLD` would not do: by the `unwrap` rule a
  /// line break inside a block of running text is a hard wrap unless the line before closes a
  /// sentence, so the two words are one wrapped sentence and get one merge edit.)
  @Test func oneRecordGivesItsRepairedText() throws {
    let result = try run(#"{"id":"a","text":"HELLO.\n\nWORLD."}"# + "\n")
    #expect(result.lines.count == 1)
    #expect(result.lines[0]["id"] as? String == "a")
    #expect(result.lines[0]["text"] as? String == Pipeline.shared.mend(Array("HELLO.\n\nWORLD.".utf8)).text)
    #expect(result.lines[0]["text"] as? String == "HELLO.\n\nWORLD.\n")
    #expect(result.lines[0]["edits"] as? Int == 0)
  }

  @Test(arguments: [1, 3, 7, 1 << 16])
  func manyRecordsComeBackInOrderWhateverTheChunking(chunkSize: Int) throws {
    let input = (0..<40).map { #"{"id":\#($0),"text":"LINE \#($0)\nNEXT"}"# }.joined(separator: "\n")
    let result = try run(input, chunkSize: chunkSize)
    #expect(result.lines.map { $0["id"] as? Int } == (0..<40).map { $0 })
    #expect(result.summary.mended == 40)
  }

  @Test func idsAreEchoedExactlyWhateverTheirType() throws {
    let input = [#"{"id":12345678901234,"text":"A"}"#, #"{"id":1.5,"text":"A"}"#, #"{"id":null,"text":"A"}"#,
                 #"{"text":"A"}"#, #"{"id":{"doc":["x",true]},"text":"A"}"#].joined(separator: "\n")
    let result = try run(input)
    let ids = String(decoding: result.raw, as: UTF8.self).split(separator: "\n").map {
      String($0[$0.range(of: "\"id\":")!.upperBound...].prefix { $0 != "," && $0 != "}" })
    }
    #expect(ids[0] == "12345678901234")
    #expect(ids[1] == "1.5")
    #expect(ids[2] == "null" && ids[3] == "null")
    #expect(String(decoding: result.raw, as: UTF8.self).contains(#""id":{"doc":["x",true]}"#))
  }

  @Test func badRecordsGiveErrorLinesInPlaceAndTheStreamGoesOn() throws {
    let input = [#"{"id":1,"text":"A"}"#, "not json", #"{"id":3}"#, #"{"id":4,"text":7}"#, "[1,2]",
                 #"{"id":6,"text":"B"}"#].joined(separator: "\n")
    let result = try run(input)
    #expect(result.lines.count == 6)
    #expect(result.lines.map { $0["error"] != nil } == [false, true, true, true, true, false])
    #expect(result.lines[1]["line"] as? Int == 2)
    #expect(result.lines[2]["id"] as? Int == 3)
    #expect((result.lines[2]["error"] as? String)?.contains("\"text\"") == true)
    #expect(result.summary == JSONLSummary(mended: 2, failed: 4))
  }

  @Test func blankLinesAreSkippedButStillCounted() throws {
    let result = try run("\n  \n" + "bad\n" + #"{"id":1,"text":"A"}"# + "\r\n")
    #expect(result.lines.count == 2)
    #expect(result.lines[0]["line"] as? Int == 3)
    #expect(result.lines[1]["id"] as? Int == 1)
  }

  @Test func aLineOverTheLimitIsReportedWithoutBeingKept() throws {
    let small = JSONLStream(pipeline: stream.pipeline, maxLineBytes: 64)
    let long = #"{"id":1,"text":""# + String(repeating: "X", count: 500) + #""}"#
    let result = try run(long + "\n" + #"{"id":2,"text":"OK"}"#, chunkSize: 10, using: small)
    #expect((result.lines[0]["error"] as? String)?.contains("over the limit of 64") == true)
    #expect(result.lines[1]["id"] as? Int == 2 && result.lines[1]["error"] == nil)
  }

  @Test func reportsAreIncludedOnRequestWithOffsetsIntoTheText() throws {
    let withReports = JSONLStream(pipeline: stream.pipeline, includeReport: true)
    let result = try run(#"{"id":"r","text":"A\u00ffB\n"}"#, using: withReports)
    let report = try #require(result.lines[0]["report"] as? [String: Any])
    #expect(report["name"] as? String == "r")
    #expect(report["inputBytes"] as? Int == 5, "UTF-8 bytes of the text")
  }

  @Test func hostileTextInsideJSONIsMendedLikeAFile() throws {
    let text = "A\u{0000}B\u{FEFF}\u{200B}C\u{0C}PAGE 2\r\nD"
    let encoded = try JSONEncoder().encode(["id": "h", "text": text])
    let result = try run(String(decoding: encoded, as: UTF8.self))
    #expect(result.lines[0]["text"] as? String == Pipeline.shared.mend(Array(text.utf8)).text)
  }
}

extension Pipeline {
  /// The default pipeline, built once for tests.
  static let shared: Pipeline = try! Pipeline()
}
