import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the pipeline over a folder of raw dumps with gold texts and score the repair.",
      discussion: """
        Finds every X.raw.txt under DIR (recursively) with an X.gold.txt beside it (and an \
        optional X.truth.json), mends it and prints a per-document and overall table: the raw \
        dump's own CER as the baseline, the repaired CER and its reduction, WER, bag-of-words, \
        order-tolerant CER, paragraph order, and with truth files name precision/recall and \
        furniture and duplicate residue. Exit status: 0 on success, 1 when DIR or a file cannot \
        be read or holds no documents, 3 when --check finds a regression, 64 for bad usage.
        """
    )

    @Argument(help: "The folder to evaluate, e.g. Corpus/generated.")
    var directory: String

    @Flag(help: "Also run with each stage switched off in turn.")
    var ablate = false

    @Option(help: "Write a self-contained HTML report (tables, diffs, every edit) to this path.")
    var html: String?

    @Option(help: "A thresholds.json of recorded minimum figures; exit 3 when the run falls below them.")
    var check: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Comma-separated stages to run (default all).")
    var stages: String = "all"

    @Option(help: "An extra lexicon file of officials and posts (repeatable).")
    var lexicon: [String] = []

    @OptionGroup var conventions: ConventionOptions

    func validate() throws {
      do { _ = try StageName.parseList(stages) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
      let options = MendOptions(stages: try StageName.parseList(stages), lexiconPaths: lexicon)
      let evaluator = Evaluator(options: options, conventions: conventions.value)
      let scan: Evaluator.Scan
      let runs: [EvaluationRun]
      do {
        scan = try Evaluator.documents(in: directory)
        for skipped in scan.skipped {
          StandardError.write("cablemend: skipping '\(skipped)': no gold text beside it")
        }
        runs = ablate ? try evaluator.ablate(scan.documents) : [try evaluator.evaluate(scan.documents)]
      } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      var thresholds: EvaluationThresholds?
      if let check {
        do { thresholds = try EvaluationThresholds.read(check) } catch {
          StandardError.write("cablemend: \(error)")
          throw ExitCode.inputError
        }
      }
      if let html {
        let page = HTMLReport(runs: runs, conventions: conventions.value).rendered()
        do { try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic) } catch {
          StandardError.write(
            "cablemend: cannot write '\(html)': \(error.localizedDescription); check the folder exists and is writable"
          )
          throw ExitCode.inputError
        }
      }
      switch format {
      case .text:
        var text = runs.map { $0.textTable() }.joined(separator: "\n")
        if ablate { text += "\nablation (overall figures)\n" + EvaluationRun.ablationTable(runs) }
        text += "\n" + EvaluationRun.legend + "\n"
        FileHandle.standardOutput.write(Data(text.utf8))
      case .json:
        let report = EvaluationReport(conventions: conventions.value, runs: runs, skipped: scan.skipped)
        FileHandle.standardOutput.write(try report.json() + Data("\n".utf8))
      }
      if let thresholds, let main = runs.first {
        let failures = thresholds.failures(main.summary)
        for failure in failures { StandardError.write("cablemend: regression: \(failure)") }
        if !failures.isEmpty { throw ExitCode(3) }
      }
    }
  }
}
