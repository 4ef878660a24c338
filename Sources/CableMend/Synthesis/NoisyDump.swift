/// A telegram on its way to becoming a raw dump: scanned pages of lines, each line tagged with
/// what it is, and the truth file that records every piece of damage done so far. Noise
/// components (`NoiseComponent`) edit it in turn; `render` writes the dump.
public struct NoisyDump: Sendable, Hashable {
  public struct Line: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
      /// Text of the telegram (possibly damaged).
      case text
      /// Furniture added by the scan or the archive: running heads, banners, stamps.
      case furniture
      /// A second copy of text that is already in the dump.
      case duplicate
    }
    public var text: String
    public var role: Role
    public init(_ text: String, role: Role = .text) {
      self.text = text
      self.role = role
    }
  }

  public struct Page: Sendable, Hashable {
    /// 1-based number of the page in the telegram as typed.
    public var number: Int
    public var lines: [Line]
    public init(number: Int, lines: [Line]) {
      self.number = number
      self.lines = lines
    }
  }

  /// How lines and pages are separated in the rendered dump.
  public enum Layout: String, Sendable, CaseIterable, Hashable {
    /// One line per line, a blank line between pages.
    case plain
    /// A blank line after every line, as PDF text extraction often writes.
    case doubleSpaced
    /// A form feed between pages.
    case formFeed
  }

  public var pages: [Page]
  public var facts: CableFacts
  public var truth: TruthFile
  /// Words that later components must leave alone (injected misspellings of names), so that
  /// the truth file stays exact.
  public var protectedWords: Set<String> = []
  /// Total number of pages of the telegram as typed (dropped pages included).
  public var pageCount: Int
  public var layout: Layout = .plain

  public init(pages: [Page], facts: CableFacts, truth: TruthFile) {
    self.pages = pages
    self.facts = facts
    self.truth = truth
    self.pageCount = pages.count
  }

  /// Every text line, in dump order, as (page index, line index).
  public var textLinePositions: [(page: Int, line: Int)] {
    pages.indices.flatMap { p in
      pages[p].lines.indices.filter { pages[p].lines[$0].role == .text }.map { (p, $0) }
    }
  }

  /// The dump as text: printable lines, newline-terminated.
  public func render() -> String {
    var out = ""
    for (index, page) in pages.enumerated() {
      if index > 0 {
        switch layout {
        case .plain, .doubleSpaced: out += "\n"
        case .formFeed: out += "\u{0C}"
        }
      }
      for line in page.lines {
        out += line.text + "\n"
        if layout == .doubleSpaced { out += "\n" }
      }
    }
    return out
  }
}

/// A step of the noise generator: one kind of damage, applied with its own random stream and
/// recorded in the dump's truth file.
public protocol NoiseComponent: Sendable {
  /// Short name, also used to derive the component's random stream from the generator's seed.
  var kind: String { get }
  func apply(to dump: inout NoisyDump, using random: inout SeededRandom)
}
