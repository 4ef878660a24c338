import Foundation

extension TruthFile {
  /// Reads and decodes `X.truth.json`.
  /// - Throws: ``MeasurementFileError`` naming the file and what is wrong with it.
  public static func read(_ path: String) throws(MeasurementFileError) -> TruthFile {
    let bytes: [UInt8]
    do { bytes = try InputReader.read(path) } catch {
      throw MeasurementFileError(
        kind: "truth file", path: path, reason: "cannot be read (\(error.reason))", advice: error.advice)
    }
    do {
      return try JSONDecoder().decode(TruthFile.self, from: Data(bytes))
    } catch let DecodingError.dataCorrupted(context) {
      throw MeasurementFileError(
        kind: "truth file", path: path, reason: "is not valid JSON (\(context.debugDescription))",
        advice: "fix the JSON or remove the file")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
      let field = context.codingPath.map(\.stringValue).joined(separator: ".")
      throw MeasurementFileError(
        kind: "truth file", path: path, reason: "has a bad value at '\(field)' (\(context.debugDescription))",
        advice: "see Sources/CableMend/Metrics/TruthFile.swift for the format")
    } catch {
      throw MeasurementFileError(
        kind: "truth file", path: path, reason: "cannot be decoded (\(error))",
        advice: "see Sources/CableMend/Metrics/TruthFile.swift for the format")
    }
  }
}

/// A truth file or report that cannot be read or decoded.
public struct MeasurementFileError: Error, CustomStringConvertible, Sendable {
  /// `truth file` or `report`.
  public var kind: String
  public var path: String
  public var reason: String
  public var advice: String
  public var description: String { "\(kind) '\(path)' \(reason): \(advice)" }
}

extension MendReport {
  /// Reads a report written by `cablemend mend --report` (for its edits).
  /// - Throws: ``MeasurementFileError`` naming the file when it cannot be read or decoded.
  public static func read(_ path: String) throws(MeasurementFileError) -> MendReport {
    let bytes: [UInt8]
    do { bytes = try InputReader.read(path) } catch {
      throw MeasurementFileError(
        kind: "report", path: path, reason: "cannot be read (\(error.reason))", advice: error.advice)
    }
    do { return try JSONDecoder().decode(MendReport.self, from: Data(bytes)) } catch {
      throw MeasurementFileError(
        kind: "report", path: path, reason: "is not a cablemend report (\(error))",
        advice: "give the file written by 'cablemend mend --report PATH'")
    }
  }
}
