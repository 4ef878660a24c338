import Foundation

/// A self-contained HTML page of an evaluation: the summary tables, and for each document the
/// raw, repaired and gold texts side by side with word differences coloured, then every edit.
///
/// Self-contained means one file with inline CSS, no scripts, images, fonts or links to other
/// files, so it opens anywhere and can be mailed. Every text from the documents is escaped.
/// - Complexity: O(total text) plus one word diff per column (see ``WordDiff``).
public struct HTMLReport: Sendable {
  public var runs: [EvaluationRun]
  public var conventions: MetricConventions

  public init(runs: [EvaluationRun], conventions: MetricConventions = .init()) {
    self.runs = runs
    self.conventions = conventions
  }

  /// The page. Documents are shown from the first run (all stages, in an ablation).
  public func rendered() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <title>CableMend evaluation</title>
      <style>\(Self.style)</style></head><body>
      <h1 id="top">CableMend evaluation</h1>

      """
    let normalisation = conventions.normalize ? "NFC, spaces at line ends and final newlines dropped" : "none"
    html +=
      "<p class=\"conventions\">CER unit: \(conventions.unit.rawValue); normalisation: \(normalisation); "
    html += "words: \(conventions.words.rawValue). \(Self.escape(EvaluationRun.legend))</p>\n"
    if runs.count > 1 {
      html +=
        "<h2>Ablation</h2>\n"
        + table(
          header: ["configuration"] + EvaluationRun.columns,
          rows: runs.map { [Self.escape($0.label)] + EvaluationRun.summaryCells($0.summary) })
    }
    guard let main = runs.first else { return html + "<p>No runs.</p></body></html>\n" }
    html += "<h2>Documents (\(Self.escape(main.label)))</h2>\n"
    var rows = main.documents.enumerated().map { index, d in
      ["<a href=\"#doc-\(index)\">\(Self.escape(d.name))</a>"] + Self.cells(d)
    }
    rows.append(["<strong>overall</strong>"] + EvaluationRun.summaryCells(main.summary))
    html += table(header: ["document"] + EvaluationRun.columns, rows: rows)
    for (index, document) in main.documents.enumerated() {
      html += section(document, index: index)
    }
    return html + "</body></html>\n"
  }

  static func cells(_ d: DocumentEvaluation) -> [String] {
    EvaluationRun.summaryCells(EvaluationSummary([d]))
  }

  private func table(header: [String], rows: [[String]]) -> String {
    var html =
      "<table><thead><tr>" + header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
    for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
    return html + "</tbody></table>\n"
  }

  private func section(_ d: DocumentEvaluation, index: Int) -> String {
    var html = "<section id=\"doc-\(index)\"><h2>\(Self.escape(d.name))</h2>\n"
    html += "<p>raw CER \(FigureFormat.percent(d.baseline.cer.rate)) → repaired CER "
    html += "\(FigureFormat.percent(d.repaired.cer.rate)) (cut \(FigureFormat.percent(d.cerReduction))); "
    html += "\(d.edits) edits. <a href=\"#top\">top</a></p>\n"
    guard let texts = d.texts else { return html + "</section>\n" }
    let raw = WordDiff(gold: texts.gold, text: texts.raw)
    let repaired = WordDiff(gold: texts.gold, text: texts.output)
    html += "<div class=\"columns\">\n"
    html += column("Raw", "red: not in the gold", raw.text, mark: "noise")
    html += column("Repaired", "red: not in the gold", repaired.text, mark: "extra")
    html += column("Gold", "yellow: missing from the repaired text", repaired.gold, mark: "missing")
    html += "</div>\n" + edits(texts.edits)
    return html + "</section>\n"
  }

  private func column(_ title: String, _ key: String, _ tokens: [WordDiff.Token], mark: String) -> String {
    var body = ""
    for (i, token) in tokens.enumerated() {
      let text = Self.escape(String(token.text))
      // Spaces between two marked words are marked too, so a changed run reads as one block;
      // line breaks stay unmarked.
      let between =
        token.isSpace && !token.text.contains("\n") && i > 0 && i + 1 < tokens.count
        && tokens[i - 1].changed && tokens[i + 1].changed
      body += token.changed || between ? "<span class=\"\(mark)\">\(text)</span>" : text
    }
    return "<div class=\"column\"><h3>\(title) <small>(\(key))</small></h3><pre>\(body)</pre></div>\n"
  }

  private func edits(_ edits: [Edit]) -> String {
    var html = "<details open><summary>\(edits.count) edits</summary>\n"
    guard !edits.isEmpty else { return html + "</details>\n" }
    let rows = edits.map { e in
      [
        e.stage.rawValue, e.kind.rawValue, "\(e.source.start)–\(e.source.end)",
        "<code>\(Self.escape(e.before))</code>", "<code>\(Self.escape(e.after))</code>",
        Self.escape(e.reason), String(format: "%.2f", e.confidence),
      ]
    }
    html += table(
      header: ["stage", "kind", "input bytes", "before", "after", "reason", "confidence"], rows: rows)
    return html + "</details>\n"
  }

  /// Escapes text for HTML element content and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
    table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.85em}
    th,td{border:1px solid #ccc;padding:2px 6px;text-align:right;vertical-align:top}
    th:first-child,td:first-child{text-align:left}
    td code{white-space:pre-wrap;word-break:break-all}
    .conventions{font-size:0.85em;color:#555;max-width:60em}
    .columns{display:flex;gap:0.8em;align-items:flex-start}
    .column{flex:1;min-width:0}
    .column pre{white-space:pre-wrap;word-break:break-word;font-size:0.78em;background:#fafafa;
      border:1px solid #ddd;padding:0.5em;margin:0}
    .noise,.extra{background:#f8c4c4;color:#700}
    .missing{background:#fff0a0;color:#640}
    section{border-top:2px solid #888;margin-top:2em}
    small{font-weight:normal;color:#666}
    """
}
