/// The `dedupe` stage's second look, run by the pipeline after `order`: removes copies that only
/// became whole units once `order` put their fragments back together.
///
/// `dedupe` runs before `order` and compares the units it sees then. A paragraph whose copy was
/// scrambled into fragments (or whose header fields were split over several lines) is not a unit
/// until `order` joins those fragments, so the first pass cannot link it to its twin; mending the
/// output again would then remove it. Running the same duplicate finder once more on the
/// ordered text makes the pipeline its own fixed point for duplicates.
///
/// - Changes: exactly what ``Deduplicator`` changes, with the same rules and thresholds; every
///   removal and vote is a `dedupe` edit whose evidence says it came from this pass.
/// - Never touches: anything ``Deduplicator`` would not touch; it never reorders lines.
/// - Complexity: that of ``Deduplicator`` on the ordered document.
public struct PostOrderDedupe: Stage {
  public static let name = StageName.dedupe
  /// The label of this pass in the report's per-stage counts.
  public static let label = "dedupe-after-order"

  let deduplicator: Deduplicator

  public init(options: MendOptions) throws {
    deduplicator = try Deduplicator(options: options)
  }

  /// Only when `order` runs too: without it nothing is joined after the first pass.
  public static func isEnabled(by options: MendOptions) -> Bool {
    options.stages.contains(.dedupe) && options.stages.contains(.order)
  }

  public func run(_ document: inout Document) {
    let first = document.edits.count
    deduplicator.run(&document)
    for index in document.edits.indices.dropFirst(first) {
      document.edits[index].evidence.append(
        Edit.Evidence("pass", "after order: the copies became whole units once order joined their fragments"))
    }
  }
}
