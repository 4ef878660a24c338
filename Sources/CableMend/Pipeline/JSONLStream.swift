import Foundation

/// Streaming mode for other tools' pipelines: one JSON object per input line,
/// `{"id": ..., "text": "..."}`, one result per line out, in the same order.
///
/// ```swift
/// let stream = JSONLStream(pipeline: try Pipeline())
/// let summary = stream.run(read: { readChunk() }, write: { writeLine($0) })
/// ```
///
/// - Output: `{"edits":N,"id":...,"text":"..."}` per record, or with `includeReport` the full
///   report under `"report"` as well. A record that cannot be mended (not JSON, no string
///   `text`, a line over ``maxLineBytes``) gives `{"error":"...","id":...,"line":N}` in its place
///   and the stream goes on. Lines holding only whitespace are skipped.
/// - `id` is echoed back exactly as any JSON value (string, number, null...); missing means null.
/// - Offsets in reports are UTF-8 byte offsets into the record's `text`.
/// - Memory: one record at a time, so it is bounded by the longest line (at most
///   ``maxLineBytes``, beyond which the line is skipped without being kept) and its result.
///   Records are processed one after another, never read ahead, so a caller can send one
///   record and wait for its answer.
public struct JSONLStream: Sendable {
  public var pipeline: Pipeline
  public var includeReport: Bool
  public var maxLineBytes: Int

  public init(pipeline: Pipeline, includeReport: Bool = false, maxLineBytes: Int = 512 << 20) {
    self.pipeline = pipeline
    self.includeReport = includeReport
    self.maxLineBytes = maxLineBytes
  }

  /// Reads chunks from `read` (nil or empty at end of input) and calls `write` once per result
  /// line, newline included.
  public func run(read: () -> [UInt8]?, write: ([UInt8]) -> Void) -> JSONLSummary {
    var summary = JSONLSummary()
    var splitter = LineSplitter(maxLineBytes: maxLineBytes)
    func emit(_ line: LineSplitter.Line) {
      guard let output = result(for: line) else { return }
      if output.failed { summary.failed += 1 } else { summary.mended += 1 }
      write(output.bytes)
    }
    while let chunk = read(), !chunk.isEmpty {
      splitter.feed(chunk, emit: emit)
    }
    splitter.finish(emit: emit)
    return summary
  }

  /// The output line for one input line, or nil for a blank line.
  func result(for line: LineSplitter.Line) -> (bytes: [UInt8], failed: Bool)? {
    switch line {
    case .tooLong(let number, let length):
      return (encodeError("line is \(length) bytes, over the limit of \(maxLineBytes)", id: nil, line: number), true)
    case .complete(let number, let bytes):
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
      return process(bytes, lineNumber: number)
    }
  }

  /// Mends one record (one line of JSON, without its newline).
  public func process(_ bytes: [UInt8], lineNumber: Int) -> (bytes: [UInt8], failed: Bool) {
    let record: Record
    do { record = try JSONDecoder().decode(Record.self, from: Data(bytes)) } catch {
      return (encodeError("not a JSON object with a string \"text\": \(Self.describe(error))", id: nil,
                          line: lineNumber), true)
    }
    guard let text = record.text else {
      return (encodeError("no string \"text\" field", id: record.id, line: lineNumber), true)
    }
    let name = record.id.map { $0.plainDescription } ?? "line \(lineNumber)"
    let result = pipeline.mend(Array(text.utf8), name: name)
    let output = Output(id: record.id ?? .null, text: result.text, edits: result.document.edits.count,
                        report: includeReport ? result.report : nil)
    return (encode(output), false)
  }

  private func encodeError(_ message: String, id: JSONValue?, line: Int) -> [UInt8] {
    encode(ErrorOutput(error: message, id: id ?? .null, line: line))
  }

  private func encode(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Strings, numbers and the report's plain fields always encode; a failure here is a bug
    // worth surfacing in the stream rather than a silent gap.
    let data = (try? encoder.encode(value)) ?? Data(#"{"error":"result does not encode"}"#.utf8)
    return Array(data) + [0x0A]
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context): return context.debugDescription
    case DecodingError.typeMismatch(_, let context): return context.debugDescription
    default: return "\(error)"
    }
  }

  struct Record: Decodable {
    var id: JSONValue?
    var text: String?

    enum CodingKeys: String, CodingKey { case id, text }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      id = try container.decodeIfPresent(JSONValue.self, forKey: .id)
      text = try? container.decodeIfPresent(String.self, forKey: .text)
    }
  }

  struct Output: Encodable {
    var id: JSONValue
    var text: String
    var edits: Int
    var report: MendReport?
  }

  struct ErrorOutput: Encodable {
    var error: String
    var id: JSONValue
    var line: Int
  }
}

/// Counts from a ``JSONLStream`` run.
public struct JSONLSummary: Sendable, Hashable {
  public var mended = 0
  public var failed = 0
}

/// Any JSON value, kept so an `id` is echoed back as it came.
public enum JSONValue: Sendable, Hashable, Codable {
  case string(String), integer(Int64), number(Double), bool(Bool), null
  case array([JSONValue]), object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() { self = .null }
    else if let value = try? container.decode(Bool.self) { self = .bool(value) }
    else if let value = try? container.decode(Int64.self) { self = .integer(value) }
    else if let value = try? container.decode(Double.self) { self = .number(value) }
    else if let value = try? container.decode(String.self) { self = .string(value) }
    else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
    else { self = .object(try container.decode([String: JSONValue].self)) }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .string(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    case .null: try container.encodeNil()
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The value as a document name: strings bare, everything else as JSON-ish text.
  var plainDescription: String {
    switch self {
    case .string(let value): return value
    case .integer(let value): return String(value)
    case .number(let value): return String(value)
    case .bool(let value): return String(value)
    case .null: return "null"
    case .array, .object: return "id"
    }
  }
}

/// Splits a byte stream into lines as it arrives, never holding more than one line (and not
/// even that for a line over the limit, which is skipped and reported by length).
struct LineSplitter {
  enum Line {
    case complete(number: Int, bytes: [UInt8])
    case tooLong(number: Int, length: Int)
  }

  let maxLineBytes: Int
  private var buffer: [UInt8] = []
  private var skipping = false
  private var skippedLength = 0
  private var lineNumber = 0

  init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

  /// - Complexity: O(chunk) amortised; each byte is scanned once.
  mutating func feed(_ chunk: [UInt8], emit: (Line) -> Void) {
    var start = 0
    while let newline = chunk[start...].firstIndex(of: 0x0A) {
      endLine(with: chunk[start..<newline], emit: emit)
      start = newline + 1
    }
    append(chunk[start...])
  }

  mutating func finish(emit: (Line) -> Void) {
    if skipping || !buffer.isEmpty { endLine(with: [], emit: emit) }
  }

  private mutating func append(_ bytes: ArraySlice<UInt8>) {
    if skipping {
      skippedLength += bytes.count
    } else if buffer.count + bytes.count > maxLineBytes {
      skipping = true
      skippedLength = buffer.count + bytes.count
      buffer = []
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  private mutating func endLine(with tail: ArraySlice<UInt8>, emit: (Line) -> Void) {
    append(tail)
    lineNumber += 1
    if skipping {
      emit(.tooLong(number: lineNumber, length: skippedLength))
    } else {
      emit(.complete(number: lineNumber, bytes: buffer))
    }
    buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
    skipping = false
    skippedLength = 0
  }
}
