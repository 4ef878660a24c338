/// The `dedupe` stage: removes duplicated lines, paragraphs and pages (exact copies and OCR
/// variants of the same text), keeping one copy built from the best reading of all of them.
///
/// It runs after `unwrap`, so it normally sees one line per paragraph; it works the same on raw
/// physical lines. A duplicated page or span is a run of consecutive duplicated lines.
///
/// **What it changes.** For every group of copies it keeps one line and removes the others,
/// each recorded as a `remove` edit whose `source` is the removed copy and whose `related` is
/// the kept copy. Where the copies disagree, the kept line takes the reading the copies vote for
/// (``CopyMerger``), each change a `replace` edit whose `related` is the copy it came from.
///
/// **Which copy stays where.** A copy inside a duplicated span stays at its earliest position: a
/// rescanned page, a continuation page that repeats lines and an alert copy all put the later
/// copy after the original. A lone line or paragraph stays where its neighbours continue it (the
/// line before it ends mid-sentence and it does not open a paragraph, or it ends mid-sentence and
/// the next line does not open one); ties go to the earliest copy.
///
/// **What it never touches.** Lines shorter than ``DedupeSettings/minimumCharacters`` or with fewer
/// than ``DedupeSettings/minimumWords`` words, unless they sit inside a duplicated span (names,
/// phrases such as "PEACEFUL RESOLUTION", headings, `--` markers); copies whose differing
/// words are different real words ("FIRST" and "SECOND" paragraphs); a line repeated three
/// times or more on its own and shorter than 100 characters, which is page furniture (the
/// `furniture` stage's job); text inside a line that only partly repeats another.
///
/// - Complexity: O(N·c + L·w): N characters, shingle cap c, L characters aligned in a band of
///   width w (see ``DuplicateFinder``). No all-pairs comparison.
public struct Deduplicator: Stage {
  public static let name = StageName.dedupe

  public let settings: DedupeSettings
  let dictionary: Set<String>

  public init(options: MendOptions) throws {
    self.init(settings: DedupeSettings())
  }

  /// A stage with custom thresholds, reading the system word list for tie-breaks.
  public init(settings: DedupeSettings) {
    self.init(settings: settings, dictionary: SystemWordList.words)
  }

  init(settings: DedupeSettings, dictionary: Set<String>) {
    self.settings = settings
    self.dictionary = dictionary
  }

  public func run(_ document: inout Document) {
    let nonBlank = document.lines.lazy.filter { DedupeUnit.hasContent($0.text) }
    guard nonBlank.prefix(2).count == 2 else { return }
    let units = DedupeUnit.units(of: document.lines, alignedLimit: settings.maximumAlignedCharacters)
    let plausibility = WordPlausibility(dictionary: dictionary, documentScalars: units.map(\.scalars))
    let finder = DuplicateFinder(settings: settings, plausibility: plausibility)
    let merger = CopyMerger(plausibility: plausibility)
    var removed = Set<Int>()
    for group in finder.groups(units) {
      let longest = group.members.map { units[$0].length }.max() ?? 0
      if !group.inSpan && group.members.count >= settings.furnitureRecurrence
        && longest < settings.furnitureMaximumCharacters
      {
        let line = document.lines[units[group.members[0]].line]
        document.notes.append(
          "dedupe: kept \(group.members.count) copies of \"\(line.text)\" (first at input byte "
            + "\(line.source.start)): a line that recurs this often on its own is page furniture")
        continue
      }
      resolve(group, units: units, finder: finder, merger: merger, document: &document, removed: &removed)
    }
    guard !removed.isEmpty else { return }
    document.lines = document.lines.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
  }

  /// Keeps one member of `group`, removes the copies that align with it, and votes the kept text.
  private func resolve(_ group: DuplicateFinder.Group, units: [DedupeUnit], finder: DuplicateFinder,
                       merger: CopyMerger, document: inout Document, removed: inout Set<Int>)
  {
    let keeper = keeperIndex(group, units: units)
    let kept = units[keeper]
    var copies: [(unit: DedupeUnit, alignment: BandedAlignment)] = []
    for member in group.members where member != keeper {
      let copy = units[member]
      let aligned = exactAlignment(kept, copy) ?? finder.alignment(kept, copy)
        ?? (group.inSpan ? finder.shortAlignment(kept, copy) : nil)
      guard let aligned else {
        document.notes.append(
          "dedupe: left the line at input byte \(document.lines[copy.line].source.start): it repeats a "
            + "duplicate of the line at byte \(document.lines[kept.line].source.start) but differs too much from it")
        continue
      }
      copies.append((copy, aligned))
    }
    guard !copies.isEmpty else { return }
    let keptLine = document.lines[kept.line]
    for (copy, aligned) in copies {
      let line = document.lines[copy.line]
      let exact = aligned.distance == 0
      let longer = max(1, max(copy.keys.count, kept.keys.count))
      var evidence = [
        Edit.Evidence("match", exact ? "exact" : "near"),
        Edit.Evidence("editDistance", String(aligned.distance)),
        Edit.Evidence("kept", group.inSpan ? "earliest copy of a duplicated span" : "copy placed by its neighbours"),
      ]
      if group.inSpan { evidence.append(Edit.Evidence("level", "span of consecutive lines (page-level)")) }
      let what = exact ? "exact copy" : "near copy (\(aligned.distance) edits apart)"
      document.edits.append(
        Edit(stage: Self.name, kind: .remove, source: line.source, related: keptLine.source, before: line.text,
             after: "", reason: "\(what) of the text kept at input bytes \(keptLine.source)",
             confidence: 1 - Double(aligned.distance) / Double(longer), evidence: evidence))
      removed.insert(copy.line)
    }
    applyVotes(kept: kept, copies: copies, merger: merger, document: &document)
  }

  /// Aligns copies that are equal once case and spacing are folded (the finder links them by
  /// their collapsed text): they differ only in spaces, so the band is the spaces they hold.
  private func exactAlignment(_ x: DedupeUnit, _ y: DedupeUnit) -> BandedAlignment? {
    guard x.exactKey == y.exactKey else { return nil }
    if x.keys == y.keys { return BandedAlignment(distance: 0, steps: Array(repeating: .match, count: x.keys.count)) }
    let spaces = (x.keys + y.keys).filter { $0 == 0x20 }.count
    return BandedAlignment.align(x.keys, y.keys, maxDistance: min(spaces, DuplicateFinder.maximumBand))
  }

  /// Rewrites the kept line with the readings the copies vote for, one `replace` edit each.
  private func applyVotes(kept: DedupeUnit, copies: [(unit: DedupeUnit, alignment: BandedAlignment)],
                          merger: CopyMerger, document: inout Document)
  {
    let changes = merger.replacements(kept: kept.scalars, others: copies.map { ($0.unit.scalars, $0.alignment) })
    guard !changes.isEmpty else { return }
    let keptOffsets = Self.utf8Offsets(kept.scalars)
    var line = document.lines[kept.line]
    for change in changes.reversed() {
      let donor = copies[change.donor].unit
      let donorOffsets = Self.utf8Offsets(donor.scalars)
      let keptUTF8 = keptOffsets[change.keptRange.lowerBound]..<keptOffsets[change.keptRange.upperBound]
      let donorUTF8 = donorOffsets[change.donorRange.lowerBound]..<donorOffsets[change.donorRange.upperBound]
      let before = String(String.UnicodeScalarView(kept.scalars[change.keptRange]))
      let after = String(String.UnicodeScalarView(donor.scalars[change.donorRange]))
      let how = change.votesFor > change.votesAgainst
        ? "\(change.votesFor) copies to \(change.votesAgainst)" : "tie broken by word plausibility"
      document.edits.append(
        Edit(stage: Self.name, kind: .replace, source: line.source(ofUTF8: keptUTF8),
             related: document.lines[donor.line].source(ofUTF8: donorUTF8), before: before, after: after,
             reason: "copies of duplicated text disagree; took the reading of the removed copy (\(how))",
             confidence: Double(change.votesFor) / Double(change.votesFor + change.votesAgainst),
             evidence: [Edit.Evidence("votesFor", String(change.votesFor)),
                        Edit.Evidence("votesAgainst", String(change.votesAgainst))]))
      line.replaceUTF8(keptUTF8, with: after)
    }
    document.lines[kept.line] = line
  }

  /// Where the copy that stays is, following the rule in the type's documentation.
  private func keeperIndex(_ group: DuplicateFinder.Group, units: [DedupeUnit]) -> Int {
    guard !group.inSpan else { return group.members[0] }
    var best = group.members[0]
    var bestScore = -1
    for member in group.members {
      let score = placementScore(member, units: units)
      if score > bestScore {
        best = member
        bestScore = score
      }
    }
    return best
  }

  /// How well a copy's immediate neighbours (no blank line between) continue it.
  private func placementScore(_ index: Int, units: [DedupeUnit]) -> Int {
    let unit = units[index]
    var score = 0
    if index > 0, units[index - 1].line == unit.line - 1, !units[index - 1].endsClosed, !unit.opensParagraph {
      score += 1
    }
    if index + 1 < units.count, units[index + 1].line == unit.line + 1, !unit.endsClosed,
      !units[index + 1].opensParagraph
    {
      score += 1
    }
    return score
  }

  /// UTF-8 offset of each scalar boundary (count + 1 entries).
  static func utf8Offsets(_ scalars: [Unicode.Scalar]) -> [Int] {
    var offsets = [0]
    offsets.reserveCapacity(scalars.count + 1)
    for scalar in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
    return offsets
  }
}
