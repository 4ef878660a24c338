/// Finds bytes of interest eight at a time, so that scanning plain ASCII stays cheap even in
/// a debug build and on a 50 MB line.
enum ByteScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// True when some byte of `word` may be below `limit` (1...128) or at or above 0x7F. Never
  /// false when one is; callers check the eight bytes one by one when it says true.
  @inline(__always)
  static func mayHold(_ word: UInt64, below limit: UInt8, orDelete delete: Bool) -> Bool {
    let low = (word &- ones &* UInt64(limit)) & ~word & highs
    var flags = low | (word & highs)
    if delete {
      let x = word ^ (ones &* 0x7F)
      flags |= (x &- ones) & ~x & highs
    }
    return flags != 0
  }

  /// The index of the first byte at or after `start` for which `test` holds, looking at whole
  /// words first: a word is only looked into when it may hold a byte below `limit` or a byte
  /// of 0x7F and above. `test` must be false for every other byte.
  static func first(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, below limit: UInt8,
                    orDelete delete: Bool, where test: (UInt8) -> Bool) -> Int?
  {
    guard let base = bytes.baseAddress else { return nil }
    var index = start
    let count = bytes.count
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      if mayHold(word, below: limit, orDelete: delete) {
        for offset in index..<(index + 8) where test(base[offset]) { return offset }
      }
      index += 8
    }
    while index < count {
      if test(base[index]) { return index }
      index += 1
    }
    return nil
  }
}
