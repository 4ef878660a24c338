/// Lays a document out as text.
///
/// Once the `order` stage has parsed the cable (``Document/structure`` is set) it writes the
/// canonical layout: the header block, one field per line (clearance block first, as the
/// Department's record copy prints it); a blank line; the body, one paragraph per line with a
/// blank line between paragraphs, headings and gap markers on their own lines; the signature
/// last, after a blank line. Before that, it writes the lines in order, collapsing runs of blank
/// lines into one and trimming blank lines at either end. The text ends with a newline unless it
/// is empty.
public enum TextRenderer {
  /// - Complexity: O(n) in the text length.
  public static func render(_ document: Document) -> String {
    document.structure == nil ? renderLines(document.lines) : renderCable(document.lines)
  }

  static func renderCable(_ lines: [TextLine]) -> String {
    var blocks: [[String]] = []
    var inHeader = false
    for line in lines where !isBlank(line) {
      let text = String(line.text.trimmingSpaces)
      let isHeader = line.kind == .header || line.kind == .clearance
      if isHeader && inHeader {
        blocks[blocks.count - 1].append(text)
      } else {
        blocks.append([text])
      }
      inHeader = isHeader
    }
    guard !blocks.isEmpty else { return "" }
    return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
  }

  static func renderLines(_ lines: [TextLine]) -> String {
    var out: [String] = []
    var pendingBlank = false
    for line in lines {
      if isBlank(line) {
        pendingBlank = !out.isEmpty
        continue
      }
      if pendingBlank { out.append("") }
      pendingBlank = false
      out.append(line.text)
    }
    return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
  }

  static func isBlank(_ line: TextLine) -> Bool {
    line.kind == .blank || line.text.allSatisfy { $0 == " " || $0 == "\t" }
  }
}
