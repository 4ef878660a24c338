import Foundation

/// Runs the built `cablemend` executable, which SwiftPM puts beside the test bundle.
enum CommandLineTool {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable, or nil when this build has none beside the tests.
  static let executable: String? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = folder.appendingPathComponent("cablemend").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  /// `setpriv`, to run the tool as `nobody` so that permission bits apply even when the tests run as root.
  static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Whether the built tool runs as `nobody` at all: the tests that check permission errors
  /// need it. A build folder that others cannot read (made under umask 027, say) stops it
  /// before `main`: Foundation traps while finding the program's bundle. Those tests then skip
  /// instead of failing on the machine's set-up rather than on the tool.
  static let runsAsNobody: Bool = {
    guard setpriv != nil, executable != nil,
      let probe = try? run(["mend", "-"], stdin: Array("TEXT.\n".utf8), asNobody: true)
    else { return false }
    return probe.status == 0
  }()

  static func run(_ arguments: [String], stdin: [UInt8] = [], asNobody: Bool = false) throws -> Outcome {
    let process = Process()
    if asNobody, let setpriv {
      process.executableURL = URL(fileURLWithPath: setpriv)
      process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable!] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: executable!)
      process.arguments = arguments
    }
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    input.fileHandleForWriting.write(Data(stdin))
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting, so a full pipe cannot block the child.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
  }
}
