import Foundation
import Synchronization
import Testing

@testable import CableMend

@Suite struct BatchTests {
  let pipeline = Pipeline.shared
  let cable = "PAGE 01 OF 02 STATE 123456\nSUBJECT: TEST\n\n1. TEXT OF THE CABLE.\n"

  private func plan(_ folder: TemporaryFolder, reports: Bool = false, ext: String = "txt") throws -> BatchPlan {
    try BatchPlan(inputDirectory: folder.path + "/in", outputDirectory: folder.path + "/out",
                  fileExtension: ext, writeReports: reports)
  }

  @Test func anEmptyFolderGivesAnEmptyRunAndAnEmptyFailureList() throws {
    let folder = try TemporaryFolder()
    try folder.makeFolder("in")
    let summary = BatchRunner(plan: try plan(folder), pipeline: pipeline).run()
    #expect(summary.total == 0 && summary.succeeded)
    #expect(folder.read("out/failures.jsonl") == [])
  }

  @Test func oneFileIsMendedExactlyAsMendWould() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/a.txt", cable)
    let summary = BatchRunner(plan: try plan(folder), pipeline: pipeline).run()
    #expect(summary.mended == 1 && summary.succeeded)
    #expect(folder.read("out/a.txt") == Array(pipeline.mend(Array(cable.utf8)).text.utf8))
    #expect(folder.files(under: "out") == ["a.txt", "failures.jsonl"])
  }

  @Test func theWalkIsRecursiveSortedAndSkipsHiddenAndOtherFiles() throws {
    let folder = try TemporaryFolder()
    for name in ["in/b.txt", "in/a.txt", "in/sub/c.txt", "in/sub/deeper/d.txt", "in/notes.md", "in/.hidden.txt",
                 "in/.git/x.txt"] {
      try folder.write(name, cable)
    }
    let plan = try plan(folder)
    #expect(plan.jobs.map(\.relativePath) == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"])
    #expect(plan.totalBytes == 4 * cable.utf8.count)
    let all = try self.plan(folder, ext: "")
    #expect(all.jobs.map(\.relativePath) == ["a.txt", "b.txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt"])
  }

  @Test func manyFilesOnSeveralWorkersAllArriveIntact() throws {
    let folder = try TemporaryFolder()
    for index in 0..<60 { try folder.write("in/\(index / 10)/f\(index).txt", cable + "\(index). END\n") }
    let summary = BatchRunner(plan: try plan(folder), pipeline: pipeline, workers: 4).run()
    #expect(summary.mended == 60 && summary.workers == 4)
    for index in 0..<60 {
      let expected = pipeline.mend(Array((cable + "\(index). END\n").utf8)).text
      #expect(folder.read("out/\(index / 10)/f\(index).txt") == Array(expected.utf8))
    }
    #expect(!folder.files(under: "out").contains { $0.contains("cablemend-partial") })
  }

  @Test func brokenFilesFailAloneAndAreListed() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/good.txt", cable)
    try folder.write("in/empty.txt", "")
    try folder.write("in/blank.txt", " \n\t\n")
    try folder.write("in/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
    try folder.write("in/latin1.txt", Array("LINE ONE\nCAF".utf8) + [0xE9] + Array("\n".utf8))
    try folder.makeFolder("in/folder.txt")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/dangling.txt", withDestinationPath: "nowhere")
    mkfifo(folder.path + "/in/pipe.txt", 0o644)
    let summary = BatchRunner(plan: try plan(folder), pipeline: pipeline).run()
    #expect(summary.mended == 1)
    let kinds = Dictionary(uniqueKeysWithValues: summary.failures.map { ($0.path, $0.kind) })
    #expect(kinds == ["empty.txt": .empty, "blank.txt": .empty, "binary.txt": .binary, "latin1.txt": .invalidUTF8,
                      "folder.txt": .directory, "dangling.txt": .notAFile, "pipe.txt": .notAFile])
    let latin = try #require(summary.failures.first { $0.path == "latin1.txt" })
    #expect(latin.line == 2 && latin.offset == 12)
    #expect(latin.description.hasPrefix("latin1.txt:2: is not valid UTF-8"))
    let listed = try #require(folder.read("out/failures.jsonl"))
    let records = try listed.split(separator: 0x0A).map { try JSONDecoder().decode(BatchFailure.self, from: Data($0)) }
    #expect(records == summary.failures)
    #expect(records.map(\.path) == records.map(\.path).sorted())
  }

  @Test func invalidUTF8CanBeMendedOnRequest() throws {
    let folder = try TemporaryFolder()
    let bytes = Array("CAF".utf8) + [0xE9] + Array("\n".utf8)
    try folder.write("in/latin1.txt", bytes)
    let summary = BatchRunner(plan: try plan(folder), pipeline: pipeline, allowInvalidUTF8: true).run()
    #expect(summary.mended == 1 && summary.succeeded)
    let result = pipeline.mend(bytes)
    #expect(folder.read("out/latin1.txt") == Array(result.text.utf8))
    #expect(result.document.edits.contains { $0.kind == .decode && $0.source == SourceRange(start: 3, end: 4) })
  }

  @Test func reportsGoBesideTheTexts() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/sub/x.raw.txt", cable)
    let summary = BatchRunner(plan: try plan(folder, reports: true), pipeline: pipeline).run()
    #expect(summary.succeeded)
    let report = try JSONSerialization.jsonObject(with: Data(try #require(folder.read("out/sub/x.raw.report.json"))))
    #expect((report as? [String: Any])?["name"] as? String == "sub/x.raw.txt")
  }

  @Test func resumeSkipsCompleteOutputsAndRedoesTheRest() throws {
    let folder = try TemporaryFolder()
    for name in ["a", "b", "c", "d"] { try folder.write("in/\(name).txt", cable) }
    let first = BatchRunner(plan: try plan(folder, reports: true), pipeline: pipeline).run()
    #expect(first.mended == 4)
    // b: the text is missing (killed before its rename); c: a stale partial and no report;
    // d: its input changed after it was mended.
    try FileManager.default.removeItem(atPath: folder.path + "/out/b.txt")
    try FileManager.default.removeItem(atPath: folder.path + "/out/c.report.json")
    try folder.write("out/.c.txt.cablemend-partial", "HALF")
    let later = Date().addingTimeInterval(5)
    try folder.write("in/d.txt", cable + "2. MORE.\n")
    try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: folder.path + "/in/d.txt")
    let resumed = BatchRunner(plan: try plan(folder, reports: true), pipeline: pipeline, resume: true).run()
    #expect(resumed.skipped == 1 && resumed.mended == 3)
    #expect(folder.read("out/d.txt") == Array(pipeline.mend(Array((cable + "2. MORE.\n").utf8)).text.utf8))
    #expect(folder.exists("out/b.txt") && folder.exists("out/c.report.json"))
    #expect(!folder.exists("out/.c.txt.cablemend-partial"))
  }

  @Test func withoutResumeEverythingIsRedone() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/a.txt", cable)
    _ = BatchRunner(plan: try plan(folder), pipeline: pipeline).run()
    let again = BatchRunner(plan: try plan(folder), pipeline: pipeline).run()
    #expect(again.mended == 1 && again.skipped == 0)
  }

  @Test func anOutputFolderInsideTheInputIsNotWalked() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/a.txt", cable)
    let plan = try BatchPlan(inputDirectory: folder.path + "/in", outputDirectory: folder.path + "/in/mended")
    _ = BatchRunner(plan: plan, pipeline: pipeline).run()
    let second = try BatchPlan(inputDirectory: folder.path + "/in", outputDirectory: folder.path + "/in/mended")
    #expect(second.jobs.map(\.relativePath) == ["a.txt"])
  }

  @Test func theInputFolderCannotBeTheOutputFolder() throws {
    let folder = try TemporaryFolder()
    try folder.write("in/a.txt", cable)
    #expect(throws: BatchSetupError.self) {
      try BatchPlan(inputDirectory: folder.path + "/in", outputDirectory: folder.path + "/in/")
    }
  }

  @Test func aMissingInputFolderIsAClearError() throws {
    let folder = try TemporaryFolder()
    let error = #expect(throws: BatchSetupError.self) {
      try BatchPlan(inputDirectory: folder.path + "/nope", outputDirectory: folder.path + "/out")
    }
    #expect(error?.description.contains("cannot read input folder") == true)
    #expect(error?.description.contains("/nope") == true)
  }

  @Test func progressCountsEveryFileAndEndsAtTotal() throws {
    let folder = try TemporaryFolder()
    for index in 0..<12 { try folder.write("in/\(index).txt", cable) }
    try folder.write("in/zz.txt", "")
    let seen = Mutex<[BatchProgress]>([])
    _ = BatchRunner(plan: try plan(folder), pipeline: pipeline, workers: 3).run { progress, _ in
      seen.withLock { $0.append(progress) }
    }
    let all = seen.withLock { $0 }
    #expect(all.map(\.doneFiles) == Array(1...13))
    #expect(all.last?.mended == 12 && all.last?.failed == 1)
    #expect(all.last?.estimatedRemaining == .zero)
  }

  @Test func timeRemainingFollowsTheByteRate() {
    var progress = BatchProgress(totalFiles: 4, totalBytes: 1000)
    #expect(progress.estimatedRemaining == nil)
    progress.record(.mended(path: "a", edits: 0, emptyOutput: false), bytes: 250)
    progress.record(.skipped(path: "b"), bytes: 250)
    progress.elapsed = .seconds(10)
    // 250 bytes took 10 s; 500 bytes remain, so 20 s. Skipped files do not speed the rate up.
    #expect(progress.estimatedRemaining == .seconds(20))
    #expect(progress.bytesPerSecond == 25)
    #expect(progress.filesPerSecond == 0.1)
    #expect(progress.fraction == 0.5)
  }

  @Test func theTemporaryFileSitsBesideTheTarget() {
    #expect(AtomicFile.partialPath(for: "/out/sub/a.txt") == "/out/sub/.a.txt.cablemend-partial")
    #expect(AtomicFile.partialPath(for: "a.txt") == ".a.txt.cablemend-partial")
    #expect(BatchJob.reportPath(for: "/o/a.raw.txt") == "/o/a.raw.report.json")
    #expect(BatchJob.reportPath(for: "/o.d/noext") == "/o.d/noext.report.json")
  }
}
