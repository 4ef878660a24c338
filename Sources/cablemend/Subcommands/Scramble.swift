import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Scramble: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make scrambled dumps with ground truth from clean telegrams (measurement of unwrap and order).",
      discussion: """
        For every GOLD file (frus-dev layout) and every seed, writes NAME.sSEED.raw.txt (the dump: \
        pages shuffled, paragraph tails and paragraphs moved, a page dropped, page heads), \
        NAME.sSEED.truth.json and NAME.sSEED.gold.txt (the telegram) into OUT. Never write into the \
        repository from ../shared/data: OUT should be outside it or under out/.
        """
    )

    @Argument(help: "Clean telegrams (*.gold.txt), or folders of them.")
    var inputs: [String]

    @Option(help: "Folder to write into (created).")
    var out: String = "out/scrambled"

    @Option(help: "Seeds per telegram.")
    var seeds: Int = 2

    @Option(help: "Probability that a page keeps its printed number.")
    var keepPageNumber: Double = 0.8

    func run() throws {
      var files: [URL] = []
      for input in inputs {
        let url = URL(fileURLWithPath: input)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
          StandardError.write("cablemend: cannot read '\(input)': no such file or folder; check the path")
          throw ExitCode.inputError
        }
        if isDirectory.boolValue {
          let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".gold.txt") }
          files += names.sorted().map { url.appendingPathComponent($0) }
        } else {
          files.append(url)
        }
      }
      let outURL = URL(fileURLWithPath: out)
      try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
      var scrambler = Scrambler()
      scrambler.keepPageNumber = keepPageNumber
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      for file in files {
        let gold = try String(contentsOf: file, encoding: .utf8)
        let stem = file.lastPathComponent.replacingOccurrences(of: ".gold.txt", with: "")
        for seed in 1...max(1, seeds) {
          let result = scrambler.scramble(gold: gold, seed: UInt64(seed), source: file.lastPathComponent)
          let base = outURL.appendingPathComponent("\(stem).s\(seed)")
          try result.rawText().write(to: base.appendingPathExtension("raw.txt"), atomically: true, encoding: .utf8)
          try gold.write(to: base.appendingPathExtension("gold.txt"), atomically: true, encoding: .utf8)
          try encoder.encode(result.truth).write(to: base.appendingPathExtension("truth.json"))
        }
      }
      StandardError.write("cablemend: wrote \(files.count * max(1, seeds)) scrambled dumps to \(out)")
    }
  }
}
