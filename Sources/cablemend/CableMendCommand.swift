import ArgumentParser

@main
struct CableMendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cablemend",
    abstract: "Repair raw OCR dumps of scanned diplomatic telegrams, and measure the repair.",
    subcommands: [Mend.self, Score.self, Eval.self, Batch.self, Synth.self, Speed.self],
    defaultSubcommand: Mend.self
  )
}
