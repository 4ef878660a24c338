import CableMend
import Testing

@Suite struct LineUnwrapperTests {
  static func unwrap(_ text: String) throws -> (lines: [String], edits: [Edit]) {
    let result = try Pipeline(options: MendOptions(stages: [.unwrap])).mend(Array(text.utf8))
    let lines = result.document.lines.map(\.text).filter { !$0.isEmpty }
    return (lines, result.document.edits)
  }

  @Test func emptyInput() throws {
    #expect(try Self.unwrap("").lines.isEmpty)
  }

  @Test func oneLineStaysAsIs() throws {
    #expect(try Self.unwrap("THE MINISTER AGREED.").lines == ["THE MINISTER AGREED."])
  }

  @Test func joinsWrappedLinesAndRecordsEachJoin() throws {
    let (lines, edits) = try Self.unwrap("--SECRETARY BAKER EXPRESSED STRONG US INTEREST IN\nIMPROVING BILATERAL RELATIONS, BUT TOLD QIAN THAT\nFURTHER IMPROVEMENT WOULD BE DIFFICULT.\n")
    #expect(lines == ["--SECRETARY BAKER EXPRESSED STRONG US INTEREST IN IMPROVING BILATERAL RELATIONS, BUT TOLD QIAN THAT FURTHER IMPROVEMENT WOULD BE DIFFICULT."])
    #expect(edits.filter { $0.kind == .merge }.count == 2)
    #expect(edits.allSatisfy { $0.stage == .unwrap && $0.before == "\n" && $0.after == " " })
  }

  @Test func mendsWordHyphenatedAcrossLinesAndRecordsTheHyphen() throws {
    let text = "THE EMBASSY WILL SEND FURTHER INFORMA-\nTION AS IT BECOMES AVAILABLE.\n"
    let (lines, edits) = try Self.unwrap(text)
    #expect(lines == ["THE EMBASSY WILL SEND FURTHER INFORMATION AS IT BECOMES AVAILABLE."])
    let merge = try #require(edits.first)
    #expect(merge.before == "-\n")
    #expect(merge.after == "")
    // The edit's range covers the hyphen and the newline in the input.
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[merge.source.range], as: UTF8.self) == "-\n")
  }

  @Test(arguments: [("NON-\nPROLIFERATION ISSUES.", "NON-PROLIFERATION ISSUES."),
                    ("THE US-\nPRC TALKS ENDED.", "THE US-PRC TALKS ENDED.")])
  func keepsRealHyphens(_ input: String, _ expected: String) throws {
    #expect(try Self.unwrap(input).lines == [expected])
  }

  @Test func keepsStructureLines() throws {
    let text = """
      O P 040336Z DEC 90
      FM SECSTATE WASHDC
      TO AMEMBASSY PARIS IMMEDIATE
      SECRET STATE 123456
      SUBJECT: TALKS

      1. POSTS SHOULD DRAW ON THE
      FOLLOWING:
      --FIRST POINT IS
      LONG.
      --SECOND POINT.

      CONGRESS

      --SENATOR SPOKE.
      AND AGREED.
      BAKER
      """
    let (lines, _) = try Self.unwrap(text)
    #expect(lines == ["O P 040336Z DEC 90", "FM SECSTATE WASHDC", "TO AMEMBASSY PARIS IMMEDIATE", "SECRET STATE 123456",
                      "SUBJECT: TALKS", "1. POSTS SHOULD DRAW ON THE FOLLOWING:", "--FIRST POINT IS LONG.", "--SECOND POINT.",
                      "CONGRESS", "--SENATOR SPOKE.", "AND AGREED.", "BAKER"])
    // A short line that closes a sentence ends its paragraph even without a blank line.
  }

  @Test func blankSeparatedLinesAreNotJoined() throws {
    let (lines, edits) = try Self.unwrap("GULF\n\nTHE SECRETARY EMPHASIZED THE POINT.\n\nTO DEAL WITH IT.\n")
    #expect(lines == ["GULF", "THE SECRETARY EMPHASIZED THE POINT.", "TO DEAL WITH IT."])
    #expect(edits.isEmpty)
  }

  @Test func hostileInputDoesNotCrash() throws {
    let (lines, _) = try Self.unwrap("-\n-\n--\n\n \t\n-X-\n\u{FFFD}-\n")
    #expect(!lines.isEmpty)
  }
}
