import Foundation

/// A step of the pipeline. Each stage lives in its own file under `Stages/` and documents what
/// it changes, what it never touches, and its complexity.
///
/// A stage receives the whole document and must record every change it makes to the text as
/// an ``Edit`` in ``Document/edits``; the conservation check relies on it.
public protocol Stage: Sendable {
  /// The stage's name on the command line and in reports.
  static var name: StageName { get }
  /// Builds the stage; throws when its configuration (a lexicon file, say) is unusable.
  init(options: MendOptions) throws
  /// Runs the stage on `document`.
  func run(_ document: inout Document)
  /// Whether `options` asks for this stage (by default: its name is among the stages).
  static func isEnabled(by options: MendOptions) -> Bool
  /// Its name in the report's per-stage counts (by default its stage name).
  static var label: String { get }
}

extension Stage {
  public static func isEnabled(by options: MendOptions) -> Bool { options.stages.contains(name) }
  public static var label: String { name.rawValue }
}

/// The stages, in pipeline order.
public enum StageName: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case unicode, pages, furniture, unwrap, dedupe, names, order

  public static func < (lhs: StageName, rhs: StageName) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// Parses a comma-separated list such as `unicode,pages`. Order in the list is ignored:
  /// stages always run in pipeline order.
  public static func parseList(_ list: String) throws(StageListError) -> Set<StageName> {
    var result: Set<StageName> = []
    for raw in list.split(separator: ",", omittingEmptySubsequences: false) {
      let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
      if word == "all" {
        result.formUnion(allCases)
        continue
      }
      guard let name = StageName(rawValue: word) else { throw StageListError(word: String(raw)) }
      result.insert(name)
    }
    return result
  }
}

/// An unknown stage name in a `--stages` list.
public struct StageListError: Error, CustomStringConvertible, Sendable {
  public var word: String
  public var description: String {
    let known = StageName.allCases.map(\.rawValue).joined(separator: ",")
    return "unknown stage '\(word)'; the stages are \(known) (or 'all')"
  }
}
