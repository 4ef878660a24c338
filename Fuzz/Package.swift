// swift-tools-version: 6.1
// A libFuzzer harness for the whole pipeline. A separate package so that the main package's
// build and tests never pay for sanitizer flags; run it with `Scripts/fuzz`.
import PackageDescription

let package = Package(
  name: "CableMendFuzz",
  dependencies: [
    // `name:` because a path dependency's identity is otherwise the checkout folder's name.
    .package(name: "CableMend", path: "../")
  ],
  targets: [
    .executableTarget(
      name: "CableMendFuzz",
      dependencies: [.product(name: "CableMend", package: "CableMend")]
    )
  ]
)
