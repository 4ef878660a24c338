/// Groups the shapes of candidate running-head lines: two shapes are the same line when equal or
/// within ``FurnitureText/tolerance(_:)`` edits, and a shape joins the earliest group whose
/// founding shape is the same, or founds a new group.
///
/// A plain scan of every group for every line was O(lines × groups), quadratic on a long dump
/// with many pages. Here:
/// - a shape seen before joins the group it joined the first time, without any comparison (the
///   answer cannot change: every group founded since has a later index);
/// - a new shape is compared only with groups whose founding shape has a length within the
///   tolerance (the edit distance is at least the difference in length);
/// - of those, only the ``defaultScanLimit`` most recent are compared, so the cost per line is bounded.
///   A running head recurs within its own telegram, a few pages apart, so the window keeps every
///   group that can matter; on a dump with at most ``defaultScanLimit`` groups per length band (every
///   document of the corpus) the grouping is exactly that of the full scan.
///
/// - Complexity: O(c·k²) for c candidate lines of at most k characters.
struct ShapeGroups: Sendable {
  /// Most groups a new shape is compared with, by default.
  static let defaultScanLimit = 256

  /// Most groups a new shape is compared with.
  let scanLimit: Int

  /// The founding shape of each group, in order of founding.
  private(set) var shapes: [[UInt8]] = []
  /// The members of each group, in the order they were added.
  private(set) var members: [[Int]] = []
  /// Edit-distance comparisons made so far: a measure of work that does not depend on timing.
  private(set) var comparisons = 0
  private var joined: [[UInt8]: Int] = [:]
  /// Groups by the length of their founding shape, each list ascending.
  private var byLength: [Int: [Int]] = [:]

  init(scanLimit: Int = Self.defaultScanLimit) { self.scanLimit = max(1, scanLimit) }

  /// Adds `member` with `shape` to its group.
  mutating func add(_ shape: [UInt8], member: Int) {
    let group = joined[shape] ?? nearestGroup(shape) ?? found(shape)
    joined[shape] = group
    members[group].append(member)
  }

  private mutating func found(_ shape: [UInt8]) -> Int {
    shapes.append(shape)
    members.append([])
    byLength[shape.count, default: []].append(shapes.count - 1)
    return shapes.count - 1
  }

  /// The earliest group (within the window) whose founding shape is the same line as `shape`.
  private mutating func nearestGroup(_ shape: [UInt8]) -> Int? {
    let reach = FurnitureText.tolerance(shape.count)
    var candidates: [Int] = []
    for length in max(0, shape.count - reach)...(shape.count + reach) {
      if let list = byLength[length] { candidates += list.suffix(scanLimit) }
    }
    candidates.sort()
    for group in candidates.suffix(scanLimit) {
      comparisons += 1
      if Self.same(shapes[group], shape) { return group }
    }
    return nil
  }

  static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    let limit = FurnitureText.tolerance(min(a.count, b.count))
    return limit > 0 && FurnitureText.distance(a, b, limit: limit) <= limit
  }
}
