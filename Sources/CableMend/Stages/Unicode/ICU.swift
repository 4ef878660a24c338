import CICUShim
import Synchronization

/// Swift face of the `CICUShim` C target: the only way CableMend reaches ICU.
///
/// Every function works on Swift strings or scalars and hides the UTF-16 buffers. ICU's
/// normalisers are process-wide singletons and the spoof checker is opened once per thread
/// inside the shim, so nothing here opens a handle per call.
enum ICU {
  enum Form: Int32 {
    case nfc = 0, nfkc = 1, nfd = 2, nfkd = 3
  }

  /// ICU script codes used by the stage (UScriptCode values).
  enum Script {
    static let common: Int32 = 0
    static let inherited: Int32 = 1
    static let cyrillic: Int32 = 8
    static let greek: Int32 = 14
    static let latin: Int32 = 25
  }

  /// Decomposition types, mirroring the `CM_DT_` constants of the shim.
  enum Decomposition: Int32 {
    case none = 0, canonical, compat, font, wide, narrow, noBreak, presentation, other
  }

  /// General categories (UCharCategory values) the stage asks about.
  enum Category {
    static let unassigned: Int32 = 0
    static let uppercaseLetter: Int32 = 1
    static let lowercaseLetter: Int32 = 2
    static let titlecaseLetter: Int32 = 3
    static let modifierLetter: Int32 = 4
    static let otherLetter: Int32 = 5
    static let nonSpacingMark: Int32 = 6
    static let enclosingMark: Int32 = 7
    static let combiningMark: Int32 = 8
    static let spaceSeparator: Int32 = 12
    static let lineSeparator: Int32 = 13
    static let paragraphSeparator: Int32 = 14
    static let control: Int32 = 15
    static let format: Int32 = 16
    static let privateUse: Int32 = 17
    static let surrogate: Int32 = 18
  }

  static func normalize(_ text: String, form: Form) -> String {
    let source = Array(text.utf16)
    return utf16Call(capacity: source.count * 2 + 8) { dest, capacity in
      cm_normalize(form.rawValue, source, Int32(source.count), dest, capacity)
    } ?? text
  }

  static func isNormalized(_ text: String, form: Form) -> Bool {
    let source = Array(text.utf16)
    return cm_is_normalized(form.rawValue, source, Int32(source.count)) == 1
  }

  /// The UTS #39 confusable skeleton, or nil when ICU fails.
  static func skeleton(_ text: String) -> String? {
    let source = Array(text.utf16)
    return utf16Call(capacity: source.count * 4 + 8) { dest, capacity in
      cm_skeleton(source, Int32(source.count), dest, capacity)
    }
  }

  static func script(_ scalar: Unicode.Scalar) -> Int32 { cm_script(Int32(scalar.value)) }

  static func category(_ scalar: Unicode.Scalar) -> Int32 { cm_char_type(Int32(scalar.value)) }

  static func decomposition(_ scalar: Unicode.Scalar) -> Decomposition {
    Decomposition(rawValue: cm_decomposition_type(Int32(scalar.value))) ?? .other
  }

  static func isDefaultIgnorable(_ scalar: Unicode.Scalar) -> Bool {
    cm_has_property(Int32(scalar.value), Int32(CM_PROP_DEFAULT_IGNORABLE)) == 1
  }

  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    cm_has_property(Int32(scalar.value), Int32(CM_PROP_UPPERCASE)) == 1
  }

  static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    cm_has_property(Int32(scalar.value), Int32(CM_PROP_LOWERCASE)) == 1
  }

  /// Letters and combining marks: the characters that make up words.
  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value | 0x20
      return v >= 0x61 && v <= 0x7A
    }
    let category = category(scalar)
    return (category >= Category.uppercaseLetter && category <= Category.combiningMark)
  }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isWordCharacter(scalar) }
    let category = category(scalar)
    return category >= Category.uppercaseLetter && category <= Category.otherLetter
  }

  /// The Unicode name, for edit reasons (`NO-BREAK SPACE`), or `U+XXXX` when it has none.
  /// Names are looked up in ICU once per scalar and process, then served from a cache: edit
  /// reasons name the same few characters (quotes, no-break spaces) over and over.
  static func name(_ scalar: Unicode.Scalar) -> String {
    if let known = nameCache.withLock({ $0[scalar.value] }) { return known }
    let name = lookUpName(scalar)
    nameCache.withLock { cache in
      if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
      cache[scalar.value] = name
    }
    return name
  }

  private static let nameCache = Mutex<[UInt32: String]>([:])

  private static func lookUpName(_ scalar: Unicode.Scalar) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    let length = cm_char_name(Int32(scalar.value), &buffer, Int32(buffer.count))
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    guard length > 0 else { return code }
    let name = String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return "\(code) \(name)"
  }

  /// Maps each byte 0x00...0xFF through a legacy charset; nil where the charset leaves a byte
  /// undefined.
  static func charsetTable(_ charset: String) -> [Unicode.Scalar?] {
    let bytes = (0...255).map { UInt8($0) }
    var units = [UInt16](repeating: 0xFFFF, count: 256)
    let written = cm_charset_table(charset, bytes, 256, &units, 256)
    guard written == 256 else { return Array(repeating: nil, count: 256) }
    return units.map { $0 == 0xFFFF ? nil : Unicode.Scalar($0) }
  }

  /// Runs a shim call that fills a UTF-16 buffer, growing it once when ICU asks for more.
  private static func utf16Call(
    capacity: Int,
    _ call: (UnsafeMutablePointer<UInt16>, Int32) -> Int32
  ) -> String? {
    var size = max(capacity, 16)
    for _ in 0..<2 {
      var buffer = [UInt16](repeating: 0, count: size)
      let needed = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, Int32(size)) }
      if needed < 0 { return nil }
      if Int(needed) <= size { return String(decoding: buffer[..<Int(needed)], as: UTF16.self) }
      size = Int(needed)
    }
    return nil
  }
}
