import Benchmark
import CableMend

let benchmarks: @Sendable () -> Void = {
  let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
  // Allocation counts are the deterministic metric CI can gate on; 2% absorbs the few mallocs a
  // run's scheduling adds or saves.
  let allocationTolerance = BenchmarkThresholds(relative: [.p90: 2.0])
  Benchmark.defaultConfiguration = .init(
    metrics: metrics, maxDuration: .seconds(3), maxIterations: 2_000,
    thresholds: [.mallocCountTotal: allocationTolerance])

  let options = MendOptions()
  let stages: [any Stage.Type] = [
    UnicodeCleaner.self, PageSplitter.self, FurnitureStripper.self, LineUnwrapper.self,
    Deduplicator.self, NameCorrector.self, FragmentOrderer.self,
  ]
  for stageType in stages {
    let stage = try! stageType.init(options: options)
    let prepared = Inputs.document(before: stageType.name, from: Inputs.sample)
    // The unicode stage allocates only ~17 times on the sample, and that count moves by 2
    // between processes; 2% of it is less than one allocation, so it gets 15% (3 allocations).
    let tolerance = stageType.name == .unicode ? BenchmarkThresholds(relative: [.p90: 15.0]) : allocationTolerance
    Benchmark(
      "stage.\(stageType.name.rawValue)",
      configuration: .init(thresholds: [.mallocCountTotal: tolerance])
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        var document = prepared
        stage.run(&document)
        blackHole(document)
      }
    }
  }

  let pipeline = try! Pipeline(options: options)
  Benchmark("pipeline.sample") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(pipeline.mend(Inputs.sample, name: "sample"))
    }
  }

  Benchmark("pipeline.batch-4MB", configuration: .init(maxDuration: .seconds(10), maxIterations: 5)) { benchmark in
    for _ in benchmark.scaledIterations {
      for dump in Inputs.batch { blackHole(pipeline.mend(dump, name: "batch")) }
    }
  }

  let reference = Array(String(decoding: Inputs.sample, as: UTF8.self).unicodeScalars)
  var damaged = reference
  for index in stride(from: 0, to: damaged.count, by: 37) { damaged[index] = "X" }
  Benchmark("score.edit-distance-sample") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(EditDistance.levenshtein(reference, damaged))
    }
  }
}
