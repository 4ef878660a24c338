import Foundation

/// Recorded minimum figures for an evaluation set, kept beside it as `thresholds.json`; the
/// regression test and `cablemend eval --check` fail when a run falls below them.
///
/// ```json
/// {"minimumCERReduction": 0.40, "minimumTau": 0.90, "minimumNamePrecision": 0.80,
///  "recorded": "2026-11-29, all stages, commit abc1234"}
/// ```
/// A missing figure is not checked. `Scripts/record-thresholds` writes the file from a run.
public struct EvaluationThresholds: Sendable, Hashable, Codable {
  public var minimumCERReduction: Double?
  public var minimumTau: Double?
  public var minimumNamePrecision: Double?
  /// When and from what the figures were recorded, for people.
  public var recorded: String?

  public init(
    minimumCERReduction: Double? = nil, minimumTau: Double? = nil,
    minimumNamePrecision: Double? = nil, recorded: String? = nil
  ) {
    self.minimumCERReduction = minimumCERReduction
    self.minimumTau = minimumTau
    self.minimumNamePrecision = minimumNamePrecision
    self.recorded = recorded
  }

  /// Reads a thresholds file.
  /// - Throws: ``MeasurementFileError`` naming the file.
  public static func read(_ path: String) throws(MeasurementFileError) -> EvaluationThresholds {
    let bytes: [UInt8]
    do { bytes = try InputReader.read(path) } catch {
      throw MeasurementFileError(
        kind: "thresholds file", path: path, reason: "cannot be read (\(error.reason))", advice: error.advice)
    }
    do { return try JSONDecoder().decode(EvaluationThresholds.self, from: Data(bytes)) } catch {
      throw MeasurementFileError(
        kind: "thresholds file", path: path, reason: "cannot be decoded (\(error))",
        advice: "see EvaluationThresholds.swift for the format")
    }
  }

  /// One message per figure below its threshold (or undefined while a threshold is set); empty
  /// when the run passes.
  public func failures(_ summary: EvaluationSummary) -> [String] {
    var messages: [String] = []
    func check(_ name: String, _ value: Double?, _ minimum: Double?) {
      guard let minimum else { return }
      guard let value else {
        messages.append("\(name) is undefined; recorded minimum \(minimum)")
        return
      }
      if value < minimum {
        messages.append("\(name) \(String(format: "%.4f", value)) is below the recorded minimum \(minimum)")
      }
    }
    check("CER reduction", summary.cerReduction, minimumCERReduction)
    check("paragraph-order tau", summary.tau, minimumTau)
    check("name precision", summary.names.precision, minimumNamePrecision)
    return messages
  }
}
