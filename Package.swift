// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "plangraph",
  products: [
    .library(name: "PlanGraph", targets: ["PlanGraph"]),
    .library(name: "PlanGraphviz", targets: ["PlanGraphviz"]),
    .library(name: "PlanHistory", targets: ["PlanHistory"]),
    .library(name: "PlanLedger", targets: ["PlanLedger"]),
    .executable(name: "plangraph", targets: ["plangraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(
      name: "PlanGraph",
      dependencies: ["CYAML"]
    ),
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    .target(
      name: "PlanGraphviz",
      dependencies: ["PlanGraph", "CGraphviz"]
    ),
    .target(
      name: "PlanLanguageServer",
      dependencies: ["PlanGraph"]
    ),
    .systemLibrary(
      name: "CGit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),
    .target(
      name: "PlanHistory",
      dependencies: ["PlanGraph", "CGit2"]
    ),
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(
      name: "PlanLedger",
      dependencies: ["PlanGraph", "CXLSXWriter"]
    ),
    .executableTarget(
      name: "plangraph",
      dependencies: [
        "PlanGraph",
        "PlanGraphviz",
        "PlanLanguageServer",
        "PlanHistory",
        "PlanLedger",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "plangraph-bench",
      dependencies: ["PlanGraph", "PlanGraphviz", "PlanHistory"]
    ),
    .systemLibrary(name: "CFuzzer"),
    .executableTarget(
      name: "plangraph-fuzz",
      dependencies: ["PlanGraph", "CFuzzer"]
    ),
    .testTarget(
      name: "PlanGraphTests",
      dependencies: ["PlanGraph", .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "PlanGraphvizTests",
      dependencies: ["PlanGraphviz", "PlanGraph"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "PlanLanguageServerTests",
      dependencies: ["PlanLanguageServer", "PlanGraph"]
    ),
    .testTarget(
      name: "PlanHistoryTests",
      dependencies: ["PlanHistory", "PlanGraph"]
    ),
    .testTarget(
      name: "PlanLedgerTests",
      dependencies: ["PlanLedger", "PlanGraph"],
      exclude: ["Scripts"]
    ),
    .testTarget(
      name: "plangraphTests",
      dependencies: ["plangraph", "PlanHistory"],
      exclude: ["Golden", "Scripts"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
