import Foundation

/// A plain-text table with aligned columns, for the CLI's `text` format.
public struct TextTable: Sendable, Hashable {
  public var header: [String]
  public var rows: [[String]]

  public init(header: [String], rows: [[String]] = []) {
    self.header = header
    self.rows = rows
  }

  /// The table with a rule under the header; the first column is left-aligned, the others right.
  public func rendered() -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      widths.indices.map { column in
        let cell = cells.indices.contains(column) ? cells[column] : ""
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

/// How figures are written in tables.
public enum FigureFormat {
  /// A rate as a percentage with two decimals, `-` when undefined.
  public static func percent(_ value: Double?) -> String {
    guard let value else { return "-" }
    return String(format: "%.2f%%", value * 100)
  }

  /// A number with three decimals, `-` when undefined.
  public static func decimal(_ value: Double?) -> String {
    guard let value else { return "-" }
    return String(format: "%.3f", value)
  }
}

extension Scorecard {
  /// A two-column text summary: each measure, its figure and its counts.
  public func textSummary() -> String {
    var table = TextTable(header: ["measure", "value", "counts"])
    func add(_ name: String, _ rate: ErrorRate, _ unit: String) {
      table.rows.append([
        name, FigureFormat.percent(rate.rate), "\(rate.errors)/\(rate.referenceLength) \(unit)",
      ])
    }
    let unit = conventions.unit.rawValue
    add("CER", cer, unit)
    add("WER", wer, "words")
    add("bag-of-words error", bagOfWords, "words")
    add("flexible CER", flexible, unit)
    table.rows.append(["flexible char accuracy", FigureFormat.percent(1 - flexible.rate), ""])
    table.rows.append([
      "paragraph order tau", FigureFormat.decimal(order.tau),
      "\(order.found)/\(order.paragraphs) paragraphs found",
    ])
    if let names {
      table.rows.append([
        "name precision", FigureFormat.percent(names.precision),
        "\(names.correctEdits)/\(names.edits) edits",
      ])
      table.rows.append([
        "name recall", FigureFormat.percent(names.recall),
        "\(names.recalled)/\(names.injected) injected",
      ])
    }
    if let furniture {
      table.rows.append([
        "furniture residue", FigureFormat.percent(furniture.rate),
        "\(furniture.remaining)/\(furniture.injected) lines",
      ])
    }
    if let duplicates {
      table.rows.append([
        "duplicate residue", FigureFormat.percent(duplicates.rate),
        "\(duplicates.remaining)/\(duplicates.injected) pieces",
      ])
    }
    let normalisation = conventions.normalize ? "NFC, lines trimmed, final newlines dropped" : "none"
    return table.rendered()
      + "conventions: unit \(unit); normalisation \(normalisation); words \(conventions.words.rawValue)\n"
  }
}
