import ArgumentParser

extension CableMendCommand {
  /// Placeholder until its issue lands; it says so and fails rather than pretending.
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not built yet.")

    func run() throws {
      StandardError.write("cablemend: '\(Self._commandName)' is not built yet")
      throw ExitCode(2)
    }
  }
}
