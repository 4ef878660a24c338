#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files a batch will mend: a sorted walk of the input folder, with the output paths.
///
/// Rules, chosen so that a night's run is predictable:
/// - Files whose names end in `.EXT` (default `.txt`; `""` takes every file) are inputs, found
///   in every subfolder; outputs mirror the input tree under the output folder.
/// - Hidden entries (names starting with `.`) are skipped, and so is the output folder when it
///   lies inside the input folder, so a second run never mends its own outputs.
/// - Symbolic links to files are followed; links to folders are not (no cycles).
/// - An entry that matches the input pattern but is not a regular file (a folder named
///   `x.txt`, a pipe, a broken link) becomes a job that fails with the reason, instead of being
///   silently ignored or, for a pipe, hanging the run.
///
/// - Complexity: O(f log f) for f entries (sorting each folder).
public struct BatchPlan: Sendable {
  public var inputDirectory: String
  public var outputDirectory: String
  public var jobs: [BatchJob]
  /// Folders that could not be listed; each becomes a failure.
  public var unlistable: [BatchFailure]

  /// Walks `inputDirectory`. Creates `outputDirectory` (and its parents) and checks that a file
  /// can be written there, so a run fails at once rather than after an hour.
  /// - Throws: ``BatchSetupError`` when either folder is unusable.
  public init(inputDirectory: String, outputDirectory: String, fileExtension: String = "txt",
              writeReports: Bool = false) throws(BatchSetupError)
  {
    let input = Self.trimmed(inputDirectory)
    let output = Self.trimmed(outputDirectory)
    var info = stat()
    guard stat(input, &info) == 0 else {
      throw BatchSetupError("cannot read input folder '\(input)': \(String(cString: strerror(errno))); check the path")
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw BatchSetupError("input '\(input)' is not a folder; use 'cablemend mend' for one file")
    }
    let realInput = Self.realPath(input)
    if let realOutput = Self.realPathIfExists(output), realOutput == realInput {
      throw BatchSetupError("the output folder is the input folder '\(input)'; choose another so inputs are never overwritten")
    }
    do { try AtomicFile.makeDirectories(output) } catch {
      throw BatchSetupError("cannot create output folder: \(error)")
    }
    do { try AtomicFile.write([], to: output + "/.cablemend-probe") } catch {
      throw BatchSetupError("output folder '\(output)' is not writable: \(error.reason); \(error.advice)")
    }
    unlink(output + "/.cablemend-probe")
    self.inputDirectory = input
    self.outputDirectory = output
    var walker = Walker(suffix: fileExtension.isEmpty ? "" : "." + fileExtension, writeReports: writeReports,
                        outputRoot: output, skip: Self.realPathIfExists(output))
    walker.walk(input, relative: "")
    jobs = walker.jobs
    unlistable = walker.unlistable
  }

  /// Total bytes of the regular files to mend.
  public var totalBytes: Int { jobs.reduce(0) { $0 + $1.byteCount } }

  private static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  static func realPath(_ path: String) -> String { realPathIfExists(path) ?? path }

  static func realPathIfExists(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// One input file and where its outputs go.
public struct BatchJob: Sendable, Hashable {
  public enum Entry: Sendable, Hashable {
    case file, directory, other
  }

  /// Path relative to the input folder, `/`-separated.
  public var relativePath: String
  public var inputPath: String
  public var outputPath: String
  /// `NAME.report.json` beside the output (`NAME` without its extension), when reports are on.
  public var reportPath: String?
  /// Size from the walk (0 for non-files); used for throughput and time remaining.
  public var byteCount: Int
  public var entry: Entry

  /// Where the report for `outputPath` goes.
  static func reportPath(for outputPath: String) -> String {
    let slash = outputPath.lastIndex(of: "/") ?? outputPath.startIndex
    if let dot = outputPath.lastIndex(of: "."), dot > outputPath.index(after: slash) {
      return String(outputPath[..<dot]) + ".report.json"
    }
    return outputPath + ".report.json"
  }
}

/// A batch that cannot start: the input or output folder is unusable.
public struct BatchSetupError: Error, Sendable, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

/// The recursive walk behind ``BatchPlan``.
private struct Walker {
  let suffix: String
  let writeReports: Bool
  let outputRoot: String
  let skip: String?
  var jobs: [BatchJob] = []
  var unlistable: [BatchFailure] = []

  mutating func walk(_ folder: String, relative: String) {
    if let skip, BatchPlan.realPath(folder) == skip { return }
    guard let names = list(folder) else {
      unlistable.append(BatchFailure(
        path: relative.isEmpty ? "." : relative, kind: .unreadable,
        reason: "cannot list folder: \(String(cString: strerror(errno)))",
        advice: "check the folder's permissions"))
      return
    }
    for name in names where !name.hasPrefix(".") {
      let path = folder + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      var link = stat()
      guard lstat(path, &link) == 0 else { continue }
      var info = stat()
      let resolves = stat(path, &info) == 0
      let type = resolves ? info.st_mode & S_IFMT : 0
      let matches = suffix.isEmpty || name.hasSuffix(suffix)
      let isLink = (link.st_mode & S_IFMT) == S_IFLNK
      if type == S_IFDIR && !(matches && !suffix.isEmpty) {
        if !isLink { walk(path, relative: rel) }
        continue
      }
      guard matches else { continue }
      let entry: BatchJob.Entry = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
      let output = outputRoot + "/" + rel
      jobs.append(BatchJob(
        relativePath: rel, inputPath: path, outputPath: output,
        reportPath: writeReports ? BatchJob.reportPath(for: output) : nil,
        byteCount: entry == .file ? Int(info.st_size) : 0, entry: entry))
    }
  }

  private func list(_ folder: String) -> [String]? {
    guard let dir = opendir(folder) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    // Byte order, so the order never depends on the locale or the file system.
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}
