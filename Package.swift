// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "CableMend",
  products: [
    .library(name: "CableMend", targets: ["CableMend"]),
    .executable(name: "cablemend", targets: ["cablemend"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // The only code that sees ICU headers; see docs/icu.md for why.
    .target(
      name: "CICUShim",
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
      ]
    ),
    .target(
      name: "CableMend",
      dependencies: ["CICUShim"],
      resources: [.copy("Resources")]
    ),
    .executableTarget(
      name: "cablemend",
      dependencies: [
        "CableMend",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "CableMendTests",
      dependencies: [
        "CableMend",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
  ]
)
