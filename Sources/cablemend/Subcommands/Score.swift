import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score one output against its gold text: CER, WER, bag-of-words, order-tolerant measures.",
      discussion: """
        CER = character edits / gold length, over Unicode scalars after NFC, with spaces at line \
        ends and final newlines dropped (see README, Accuracy). With --truth (an X.truth.json), \
        also furniture and duplicate residue. Exit status: 0 on success, 1 when a file cannot be \
        read, 64 for bad usage.
        """
    )

    @Argument(help: "The gold (reference) text.")
    var gold: String

    @Argument(help: "The text to score, e.g. the output of 'cablemend mend'.")
    var output: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "A truth file (X.truth.json) for furniture and duplicate residue.")
    var truth: String?

    @Option(
      help:
        "The JSON report of the run that made OUTPUT ('mend --report'), for name precision and recall with --truth."
    )
    var report: String?

    @OptionGroup var conventions: ConventionOptions

    func run() throws {
      let goldText: String
      let outputText: String
      var truthFile: TruthFile?
      var edits: [Edit]?
      do {
        goldText = String(decoding: try InputReader.read(gold), as: UTF8.self)
        outputText = String(decoding: try InputReader.read(output), as: UTF8.self)
        if let truth { truthFile = try TruthFile.read(truth) }
        if let report { edits = try MendReport.read(report).edits }
      } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      let card = Scorecard(
        gold: goldText, output: outputText, truth: truthFile, edits: edits,
        conventions: conventions.value)
      switch format {
      case .text: FileHandle.standardOutput.write(Data(card.textSummary().utf8))
      case .json: FileHandle.standardOutput.write(try card.json() + Data("\n".utf8))
      }
    }
  }
}

/// `text` or `json`, for the measuring commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// How texts are compared (see ``MetricConventions``).
struct ConventionOptions: ParsableArguments {
  @Option(help: "Unit of CER: scalars (Unicode code points) or graphemes (as dinglehopper).")
  var unit: MetricConventions.Unit = .scalars

  @Option(help: "Words for WER: unicode (UAX #29 words with a letter or digit) or whitespace.")
  var words: MetricConventions.Words = .unicode

  @Flag(
    inversion: .prefixedNo, help: "Normalise before comparing (NFC, trim line ends, drop final newlines).")
  var normalize = true

  var value: MetricConventions { MetricConventions(normalize: normalize, unit: unit, words: words) }
}

extension MetricConventions.Unit: ExpressibleByArgument {}
extension MetricConventions.Words: ExpressibleByArgument {}
