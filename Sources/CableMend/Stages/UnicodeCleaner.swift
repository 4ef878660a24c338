/// The `unicode` stage: repairs damaged Unicode so later stages see clean text.
///
/// Decoding (bytes to lines, invalid UTF-8, line ends) happens before, in ``InputDecoder``.
/// On each line this stage then, in order:
/// 1. replaces Cyrillic and Greek look-alikes inside otherwise-Latin words (``HomoglyphRepair``);
/// 2. repairs mojibake, UTF-8 read as Windows-1252 or Latin-1, up to three layers deep
///    (``MojibakeRepair``);
/// 3. turns C1 controls that are Windows-1252 characters into those characters and removes
///    other C0/C1 controls except tab;
/// 4. removes default-ignorable characters (zero-width spaces and joiners, soft hyphens);
/// 5. turns no-break and other odd spaces into a plain space;
/// 6. unfolds compatibility forms where that is safe (fullwidth, halfwidth, font variants,
///    presentation forms, letter ligatures such as `ﬁ`), see
///    ``CharacterRepairs/compatibilityForms(_:)``;
/// 7. composes to NFC;
/// 8. with ``MendOptions/teletype``, folds typographic quotes and dashes to ASCII.
///
/// Every change is an ``Edit`` with the input bytes it touched and a reason.
///
/// - Never touches: printable ASCII, tab and line structure (it never adds or removes lines);
///   text that only looks like mojibake (see ``MojibakeRepair``); words written wholly in
///   Cyrillic or Greek.
/// - Complexity: O(n) in the text. A line of printable ASCII is skipped after one scan of its
///   bytes; in other lines only the space-separated pieces that hold a non-ASCII byte or a
///   control character are worked on, each on its own, and ICU is never called for the rest.
///   The pieces are repaired in place in the line (``LinePieces``); only a line longer than
///   ``LinePieces/segmentLimit`` is cut into segments, spliced back at the end.
public struct UnicodeCleaner: Stage {
  public static let name = StageName.unicode

  /// The repairs the stage makes; all of them by default. Tests switch some off.
  struct Repairs: OptionSet, Sendable {
    let rawValue: Int
    static let homoglyphs = Repairs(rawValue: 1)
    static let mojibake = Repairs(rawValue: 2)
    static let characters = Repairs(rawValue: 4)
    static let teletype = Repairs(rawValue: 8)
    static let all: Repairs = [.homoglyphs, .mojibake, .characters, .teletype]
  }

  let repairs: Repairs

  /// Pieces longer than this are cut, so that one huge run without spaces costs linear time.
  static let maximumPiece = 4096

  public init(options: MendOptions) throws {
    self.init(repairs: options.teletype ? .all : Repairs.all.subtracting(.teletype))
  }

  init(repairs: Repairs) { self.repairs = repairs }

  public func run(_ document: inout Document) {
    // Edits go straight into the document's list (after the decoder's), not into a list of
    // their own copied over at the end: a damaged file has tens of thousands.
    for index in document.lines.indices {
      clean(&document.lines[index], edits: &document.edits)
    }
  }

  /// Cleans one line in place, appending its edits.
  ///
  /// Mojibake runs over all pieces first: once one piece of the line had a convincing
  /// repair, the others get a second, less demanding look, since mojibake rarely comes alone.
  func clean(_ line: inout TextLine, edits: inout [Edit]) {
    let ranges = Self.dirtyPieces(line.text)
    guard !ranges.isEmpty else { return }
    // Read from the line as it came in, like the homoglyph context: repairs of other pieces
    // do not change what follows a piece here.
    let following = repairs.contains(.mojibake) ? ranges.map { Self.scalar(after: $0, in: line.text) } : []
    var pieces = LinePieces(line: line, ranges: ranges)
    // The context only matters to pieces with a Cyrillic or Greek letter; most lines have none.
    if repairs.contains(.homoglyphs), pieces.views.contains(where: HomoglyphRepair.hasForeign) {
      let context = HomoglyphRepair.context(pieces: pieces.views, text: line.text)
      for index in pieces.indices {
        pieces.apply(HomoglyphRepair.repairs(pieces.views[index], line: context), to: index, edits: &edits)
      }
    }
    if repairs.contains(.mojibake) {
      var state = LineMojibake()
      for round in 0..<2 where round == 0 || state.hasRepairs {
        for index in pieces.indices {
          if repairMojibake(&pieces, index, following: following[index], line: &state, edits: &edits) {
            state.hasRepairs = true
          }
        }
      }
    }
    for index in pieces.indices { repairCharacters(&pieces, index, edits: &edits) }
    pieces.finish(&line)
  }

  /// Up to three layers of mojibake in one piece. Returns whether anything changed.
  private func repairMojibake(
    _ pieces: inout LinePieces, _ index: Int, following: Unicode.Scalar?, line: inout LineMojibake,
    edits: inout [Edit]
  ) -> Bool {
    var changed = false
    for _ in 0..<3 {
      let whole = WholePieceMojibake.repairs(pieces.views[index], lineCharset: line.charset)
      var applied = pieces.apply(whole.repairs, to: index, edits: &edits)
      if let charset = whole.charset { line.charset = charset }
      let found = MojibakeRepair.repairs(pieces.views[index], lineHasRepairs: line.hasRepairs || changed)
      applied += pieces.apply(found, to: index, edits: &edits)
      guard applied > 0 else { break }
      changed = true
    }
    let lost = MojibakeRepair.lostNoBreakSpace(
      pieces.views[index], following: following, charset: line.charset)
    return pieces.apply(lost, to: index, edits: &edits) > 0 || changed
  }

  /// What the mojibake repair learned about a line so far.
  private struct LineMojibake {
    var hasRepairs = false
    /// The charset (other than Windows-1252) that repaired a piece of the line.
    var charset: String?
  }

  /// The character-by-character repairs, in order.
  ///
  /// The piece's view is held in a local and taken again only after a repair changed the
  /// piece: reading it out of `pieces` for every pass cost a retain and release of its arrays
  /// per pass.
  private func repairCharacters(_ pieces: inout LinePieces, _ index: Int, edits: inout [Edit]) {
    var view = pieces.views[index]
    func apply(_ found: [TextRepair]) {
      if pieces.apply(found, to: index, edits: &edits) > 0 { view = pieces.views[index] }
    }
    if repairs.contains(.characters) {
      apply(CharacterRepairs.controls(view))
      apply(CharacterRepairs.ignorables(view))
      apply(CharacterRepairs.spaces(view))
      apply(CharacterRepairs.compatibilityForms(view))
      apply(CharacterRepairs.canonicalComposition(view))
    }
    if repairs.contains(.teletype) {
      apply(CharacterRepairs.teletype(view))
    }
  }

  /// The scalar after the space that ends `range`, if a single space ends it.
  private static func scalar(after range: Range<Int>, in text: String) -> Unicode.Scalar? {
    let utf8 = text.utf8
    guard range.upperBound + 1 < utf8.count,
      utf8[utf8.index(utf8.startIndex, offsetBy: range.upperBound)] == 0x20
    else { return nil }
    let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.upperBound + 1)
    return text.unicodeScalars[start...].first
  }

  /// Byte ranges of the pieces that need work: runs between spaces and tabs that hold a byte
  /// outside printable ASCII, cut at scalar boundaries when longer than ``maximumPiece``.
  /// Empty for a plain ASCII line, which is the common case.
  static func dirtyPieces(_ text: String) -> [Range<Int>] {
    var text = text
    return text.withUTF8 { bytes in
      var result: [Range<Int>] = []
      var index = 0
      let count = bytes.count
      func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
      while let dirty = ByteScan.first(
        in: bytes, from: index, below: 0x20, orDelete: true,
        where: { ($0 < 0x20 && $0 != 0x09) || $0 >= 0x7F })
      {
        var start = dirty
        while start > index && dirty - start < maximumPiece && !isSeparator(bytes[start - 1]) { start -= 1 }
        while start < dirty && bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = dirty + 1
        while end < count && end - start < maximumPiece && !isSeparator(bytes[end]) { end += 1 }
        while end < count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        result.append(start..<end)
        index = end
      }
      return result
    }
  }
}
