import CableMend

#if canImport(Glibc)
  import Glibc
#endif

/// Which invariants to check beyond "no crash, no hang", from `CABLEMEND_FUZZ_CHECKS`
/// (comma-separated: `conservation`, `stability`). Off by default so that a long run measures
/// robustness; turn them on to hunt for silent losses.
private let checks: Set<String> = {
  guard let raw = getenv("CABLEMEND_FUZZ_CHECKS") else { return [] }
  return Set(String(cString: raw).split(separator: ",").map(String.init))
}()

private let pipeline: Pipeline = {
  do { return try Pipeline(options: MendOptions()) } catch {
    fatalError("cannot build the pipeline: \(error)")
  }
}()

/// Runs the whole pipeline, report included, on arbitrary bytes.
private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  let result = pipeline.mend(bytes, name: "fuzz")
  // The report is part of every run a user sees: it must encode.
  guard (try? result.report.json()) != nil else { fatalError("report does not encode") }
  if !result.text.isEmpty && !result.text.hasSuffix("\n") { fatalError("text lacks final newline") }
  if checks.contains("conservation") {
    let report = ConservationChecker.check(input: bytes, result: result)
    if !report.isConserved { fatalError("not conserved: \(report)") }
  }
  if checks.contains("stability") {
    let again = pipeline.mend(Array(result.text.utf8), name: "fuzz-again")
    if again.text != result.text { fatalError("second run changed the text") }
  }
  return 0
}

/// libFuzzer's driver. SwiftPM points an executable's `main` at this file's top-level code, which
/// would hide libFuzzer's own `main`, so the top-level code hands control to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argumentCount = CommandLine.argc
var argumentVector = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &argumentVector) { fuzzOneInput($0, $1) })
