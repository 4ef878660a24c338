// swift-tools-version: 6.1
// Benchmarks live in their own package so that building and testing the main package stays fast.
import PackageDescription

let package = Package(
  name: "CableMendBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "CableMend", path: "../"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "CableMendBenchmarks",
      dependencies: [
        .product(name: "CableMend", package: "CableMend"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/CableMendBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
