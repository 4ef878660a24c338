import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a noisy raw dump and its truth file from a clean telegram.",
      discussion: """
        Reads a clean telegram in the gold layout (header block, blank line, one paragraph per \
        line, signature) and writes a raw dump damaged at the given level, with a truth file \
        recording every injected change. The same input, level, seed and OCR text always give the \
        same bytes. With --pages it writes only the wrapped, paginated clean text (pages \
        separated by form feeds), which Scripts/ocr-noise renders and OCRs; pass the OCR output \
        back with --ocr-text. Exit status: 0 on success, 1 when a file cannot be read or written.
        """
    )

    @Argument(help: "The clean telegram (gold layout), or '-' for standard input.")
    var gold: String

    @Option(help: "Noise level: low, medium or high.")
    var level: NoiseLevel = .medium

    @Option(help: "Random seed (default: derived from the file name and level).")
    var seed: UInt64?

    @Option(help: "OCR text of the rendered pages (form feeds between pages) to use as the base.")
    var ocrText: String?

    @Option(help: "Write the raw dump here instead of standard output.")
    var raw: String?

    @Option(help: "Write the truth file (JSON) here.")
    var truth: String?

    @Option(help: "Source name recorded in the truth file (default: the file name without .gold.txt).")
    var source: String?

    @Flag(help: "Write only the clean wrapped pages, for rendering and OCR.")
    var pages = false

    func run() throws {
      let text = try readText(gold, what: "telegram")
      let name = source ?? Self.sourceName(gold)
      let generator = NoiseGenerator(level: level, seed: seed ?? Self.defaultSeed(name: name, level: level))
      if pages {
        try emit(generator.cleanPages(gold: text), to: raw)
        return
      }
      let ocr = try ocrText.map { try readText($0, what: "OCR text") }
      let result = generator.generate(gold: text, source: name, ocrText: ocr)
      try emit(result.raw, to: raw)
      if let truth {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(result.truth), as: UTF8.self) + "\n"
        try emit(json, to: truth)
      }
    }

    static func sourceName(_ path: String) -> String {
      let base = path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
      return base.hasSuffix(".gold.txt") ? String(base.dropLast(9)) : base
    }

    /// A stable seed from the document name and level (FNV-1a), so every document and level
    /// gets its own damage without a seed table.
    static func defaultSeed(name: String, level: NoiseLevel) -> UInt64 {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in (name + "/" + level.rawValue).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return hash
    }

    private func readText(_ path: String, what: String) throws -> String {
      let bytes: [UInt8]
      do { bytes = try InputReader.read(path) } catch {
        StandardError.write("cablemend synth: \(error)")
        throw ExitCode.inputError
      }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        StandardError.write("cablemend synth: \(what) '\(path)' is not valid UTF-8; give a clean telegram in the gold layout")
        throw ExitCode.inputError
      }
      return text
    }

    private func emit(_ text: String, to path: String?) throws {
      guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
      }
      do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        StandardError.write("cablemend synth: cannot write '\(path)': \(error.localizedDescription)")
        throw ExitCode.inputError
      }
    }
  }
}

extension NoiseLevel: ExpressibleByArgument {}
