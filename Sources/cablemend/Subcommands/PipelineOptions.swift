import ArgumentParser
import CableMend

/// The options that shape the pipeline, shared by commands that mend many files.
struct PipelineOptions: ParsableArguments {
  @Option(help: "Comma-separated stages to run, always in pipeline order: \(StageName.allCases.map(\.rawValue).joined(separator: ",")).")
  var stages: String = "all"

  @Option(help: "An extra lexicon file of officials and posts (repeatable).")
  var lexicon: [String] = []

  @Flag(inversion: .prefixedNo, help: "Fold typographic quotes and dashes to ASCII (teletype).")
  var teletype = true

  @Flag(help: "Write a visible marker where pages are missing.")
  var markGaps = false

  @Flag(help: "Settle the order so that mending the output again moves nothing (costs some accuracy; see README).")
  var stable = false

  func validate() throws {
    do { _ = try StageName.parseList(stages) } catch { throw ValidationError(error.description) }
  }

  func mendOptions() throws -> MendOptions {
    MendOptions(stages: try StageName.parseList(stages), teletype: teletype, lexiconPaths: lexicon,
                markGaps: markGaps, stableOrder: stable)
  }
}
