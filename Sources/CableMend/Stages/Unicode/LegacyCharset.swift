/// A single-byte legacy charset as the mojibake repair needs it: byte to character and back.
///
/// Tables come from ICU's converters (never typed by hand). Windows-1252 leaves five bytes
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); like decoders that fall back to Latin-1 for them,
/// we read those as the C1 control of the same value. Every C1 control also encodes to its own
/// byte, so text that went through Latin-1 instead of Windows-1252 (`â\u{80}\u{99}` for `’`)
/// is covered by the same table.
struct LegacyCharset: Sendable {
  let name: String
  /// Character for each byte 0x00...0xFF.
  let decode: [Unicode.Scalar]
  /// Byte for each character the charset can write.
  let encode: [UInt32: UInt8]

  init(icuName: String, latin1Fallback: Bool) {
    let table = ICU.charsetTable(icuName)
    var decode: [Unicode.Scalar] = []
    var encode: [UInt32: UInt8] = [:]
    for byte in 0...255 {
      let scalar = table[byte] ?? Unicode.Scalar(UInt8(byte))
      decode.append(scalar)
      if table[byte] != nil || latin1Fallback { encode[scalar.value] = UInt8(byte) }
    }
    if latin1Fallback {
      for byte in 0x80...0x9F where encode[UInt32(byte)] == nil { encode[UInt32(byte)] = UInt8(byte) }
    }
    self.name = icuName
    self.decode = decode
    self.encode = encode
  }

  /// Windows-1252 with the Latin-1 reading of C1 controls (the "sloppy" variant).
  static let windows1252 = LegacyCharset(icuName: "windows-1252", latin1Fallback: true)

  func byte(_ scalar: Unicode.Scalar) -> UInt8? {
    scalar.isASCII ? UInt8(scalar.value) : encode[scalar.value]
  }
}
