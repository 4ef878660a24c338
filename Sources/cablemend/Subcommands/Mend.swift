import ArgumentParser
import CableMend
import Foundation

extension CableMendCommand {
  struct Mend: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Repair one raw dump and write the repaired text to standard output.",
      discussion: """
        Reads FILE (or standard input for '-' or no FILE). Exit status: 0 on success, 1 when the \
        input cannot be read, 64 for bad usage.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: "The raw dump to repair, or '-' for standard input.")
    var file: String = "-"

    @Option(help: "Output format: text, or json (text, header, edits, per-stage counts).")
    var format: Format = .text

    @Option(help: "Comma-separated stages to run, always in pipeline order: \(StageName.allCases.map(\.rawValue).joined(separator: ",")).")
    var stages: String = "all"

    @Option(help: "Also write the JSON report to this path.")
    var report: String?

    @Option(help: "An extra lexicon file of officials and posts (repeatable).")
    var lexicon: [String] = []

    @Flag(inversion: .prefixedNo, help: "Fold typographic quotes and dashes to ASCII (teletype).")
    var teletype = true

    @Flag(help: "Write a visible marker where pages are missing.")
    var markGaps = false

    @Flag(help: "Settle the order so that mending the output again moves nothing (costs some accuracy; see README).")
    var stable = false

    @Flag(help: "Streaming mode: read {\"id\":...,\"text\":...} per line, write one result per line, in order.")
    var jsonl = false

    func validate() throws {
      do { _ = try StageName.parseList(stages) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
      let options = MendOptions(stages: try StageName.parseList(stages), teletype: teletype,
                                lexiconPaths: lexicon, markGaps: markGaps, stableOrder: stable)
      let pipeline: Pipeline
      do { pipeline = try Pipeline(options: options) } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      if jsonl { return try runJSONL(pipeline) }
      let bytes: [UInt8]
      do { bytes = try InputReader.read(file) } catch {
        StandardError.write("cablemend: \(error)")
        throw ExitCode.inputError
      }
      let result = pipeline.mend(bytes, name: file == "-" ? "<stdin>" : file)
      let json = try result.report.json()
      if let report {
        do { try json.write(to: URL(fileURLWithPath: report), options: .atomic) } catch {
          StandardError.write("cablemend: cannot write report '\(report)': \(error.localizedDescription)")
          throw ExitCode.inputError
        }
      }
      switch format {
      case .text: FileHandle.standardOutput.write(Data(result.text.utf8))
      case .json: FileHandle.standardOutput.write(json + Data("\n".utf8))
      }
    }
  }
}
