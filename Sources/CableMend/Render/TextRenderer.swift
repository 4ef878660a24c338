/// Lays a document out as text.
///
/// Until the `order` stage has parsed the cable, it writes the lines in order, collapsing runs of
/// blank lines into one and trimming blank lines at either end. The text ends with a newline
/// unless it is empty.
public enum TextRenderer {
  /// - Complexity: O(n) in the text length.
  public static func render(_ document: Document) -> String {
    var out: [String] = []
    var pendingBlank = false
    for line in document.lines {
      if line.kind == .blank || line.text.allSatisfy({ $0 == " " || $0 == "\t" }) {
        pendingBlank = !out.isEmpty
        continue
      }
      if pendingBlank { out.append("") }
      pendingBlank = false
      out.append(line.text)
    }
    return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
  }
}
