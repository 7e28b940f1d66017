// swift-tools-version: 6.1
import PackageDescription

/// Settings every Stream360 target shares: Swift 6 language mode plus a deliberate public surface.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Stream360",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "s360", targets: ["s360"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Engine core, bottom to top: each target depends only on targets above it.
        .target(name: "Columnar", swiftSettings: strictSettings),
        .target(name: "Expressions", dependencies: ["Columnar"], swiftSettings: strictSettings),
        .target(name: "JSONIngest", dependencies: ["Columnar"], swiftSettings: strictSettings),
        .target(
            name: "StreamState",
            dependencies: ["Columnar"],
            exclude: ["FORMAT.md"],
            swiftSettings: strictSettings),
        .target(name: "Connectors", dependencies: ["Columnar"], swiftSettings: strictSettings),
        .target(
            name: "StreamOperators",
            dependencies: ["Columnar", "Expressions", "StreamState"],
            swiftSettings: strictSettings),
        .target(
            name: "StreamPlan",
            dependencies: ["Columnar", "Expressions", "StreamOperators", "Connectors"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "s360",
            dependencies: [
                "Columnar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        // Micro-benchmarks: executables, run in release (`swift run -c release JSONIngestBenchmark FILES…`).
        .executableTarget(name: "JSONIngestBenchmark", dependencies: ["JSONIngest", "Columnar"], swiftSettings: strictSettings),
        // Tests mirror the library targets.
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "Columnar"]),
        .testTarget(name: "StreamStateTests", dependencies: ["StreamState", "Columnar"]),
        .testTarget(name: "JSONIngestTests", dependencies: ["JSONIngest", "Columnar"]),
    ]
)
