import Synchronization

/// Edit reasons that name one character (`odd space U+00A0 NO-BREAK SPACE`), built once per
/// rule and character and then shared: a damaged file repeats the same few characters tens of
/// thousands of times, and building the text for each edit cost more than the repair.
enum RepairReasons {
  enum Rule: UInt64 {
    case control = 1, c1Control, invisible, oddSpace, compatibility, compatibilityLetter, teletype
    case lookAlikeInWord, lookAlikeInLine
  }

  /// The reason for `rule` and `scalar`; `make` builds it the first time.
  static func reason(_ rule: Rule, _ scalar: Unicode.Scalar, _ make: () -> String) -> String {
    let key = rule.rawValue << 32 | UInt64(scalar.value)
    if let known = cache.withLock({ $0[key] }) { return known }
    let made = make()
    cache.withLock { cache in
      // Bounded: a hostile input naming every code point cannot grow it without end.
      if cache.count >= 8192 { cache.removeAll(keepingCapacity: true) }
      cache[key] = made
    }
    return made
  }

  private static let cache = Mutex<[UInt64: String]>([:])
}
