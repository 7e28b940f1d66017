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
        // The engine as a library: `import Stream360` (Sources/Stream360; Examples/ uses it).
        .library(name: "Stream360", targets: ["Stream360"]),
        .executable(name: "s360", targets: ["s360"]),
        .executable(name: "ParquetBenchmark", targets: ["ParquetBenchmark"]),
        .executable(name: "KafkaBenchmark", targets: ["KafkaBenchmark"]),
        .executable(name: "DocumentStoreBenchmark", targets: ["DocumentStoreBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only the DocumentStore target (and its tests and benchmark) depend on these two.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Only the Portal target (and its tests) depend on Hummingbird and swift-service-lifecycle.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Engine core, bottom to top: each target depends only on targets above it.
        .target(name: "Columnar", swiftSettings: strictSettings),
        .target(name: "Expressions", dependencies: ["Columnar"], swiftSettings: strictSettings),
        .target(name: "JSONIngest", dependencies: ["Columnar"], swiftSettings: strictSettings),
        .target(name: "StreamState", dependencies: ["Columnar"], exclude: ["FORMAT.md"], swiftSettings: strictSettings),
        .target(name: "Connectors", dependencies: ["Columnar", "Compression"], swiftSettings: strictSettings),
        .target(name: "Checkpointing", dependencies: ["Columnar", "Connectors"], exclude: ["FORMAT.md"], swiftSettings: strictSettings),
        .target(
            name: "StreamOperators",
            dependencies: ["Columnar", "Expressions", "JSONIngest", "StreamState"],
            swiftSettings: strictSettings),
        .target(
            name: "StreamPlan",
            dependencies: ["Columnar", "Expressions", "StreamOperators", "Connectors"],
            swiftSettings: strictSettings),
        .target(
            name: "StreamExecution",
            dependencies: ["Columnar", "Connectors", "Checkpointing", "JSONIngest", "StreamOperators", "StreamPlan"],
            swiftSettings: strictSettings),
        .target(
            name: "StreamTesting",
            dependencies: ["Columnar", "Connectors", "StreamOperators", "StreamPlan", "StreamExecution"],
            swiftSettings: strictSettings),
        // Spark SQL's SELECT dialect compiled to DataFrames (the same LogicalPlan); `s360 sql`.
        .target(
            name: "StreamSQL",
            dependencies: ["Columnar", "Expressions", "JSONIngest", "StreamOperators", "StreamPlan", "Connectors"],
            exclude: ["README.md"],
            swiftSettings: strictSettings),
        // C libraries: module maps only; the Swift wrappers live in Compression and KafkaClient.
        .systemLibrary(
            name: "CSnappy", path: "Sources/CSnappy", pkgConfig: "snappy",
            providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CXGBoost", path: "Sources/CXGBoost", pkgConfig: "xgboost",
            providers: [.apt(["libxgboost-dev"])]),
        .systemLibrary(
            name: "CRdKafka", path: "Sources/CRdKafka", pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]),
        // Wrappers: safe Swift over a C library; the unsafe ring stays internal.
        .target(name: "XGBoost", dependencies: ["CXGBoost"], swiftSettings: strictSettings),
        .target(name: "KafkaClient", dependencies: ["CRdKafka"], exclude: ["README.md"], swiftSettings: strictSettings),
        // The Kafka connector: Spark's Kafka source and sink over KafkaClient.
        .target(
            name: "KafkaConnector", dependencies: ["Connectors", "Columnar", "KafkaClient"], exclude: ["README.md"],
            swiftSettings: strictSettings),
        .target(
            name: "Compression",
            dependencies: ["CSnappy", "CZstd", "CZlib"],
            swiftSettings: strictSettings),
        .target(
            name: "Parquet",
            dependencies: ["Columnar", "Compression"],
            exclude: ["FORMAT.md"],
            swiftSettings: strictSettings),
        // Machine learning: feature stages, estimators and models, Spark ML PipelineModel import;
        // gradient-boosted trees through the XGBoost wrapper (it imports no C module itself).
        .target(
            name: "MachineLearning",
            dependencies: ["Columnar", "Parquet", "Expressions", "StreamOperators", "StreamPlan", "XGBoost"],
            exclude: ["FORMAT.md", "README.md"],
            swiftSettings: strictSettings),
        .target(
            name: "FileConnector",
            dependencies: ["Columnar", "Connectors", "Checkpointing", "Compression", "Parquet"],
            swiftSettings: strictSettings),
        // Document tables (SQLite through GRDB, PostgreSQL through postgres-nio): the only target with these dependencies.
        .target(
            name: "DocumentStore",
            dependencies: [
                "Columnar", "JSONIngest", "Connectors",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["README.md", "FORMAT.md"],
            swiftSettings: strictSettings),
        // The tables `s360 sql` reads by name: parquet.`path`, json.`path`, sqlite.`path#table`, postgres.
        .target(
            name: "SQLTables",
            dependencies: ["StreamSQL", "Columnar", "Connectors", "FileConnector", "DocumentStore"],
            swiftSettings: strictSettings),
        // Synthetic data sets with the seeds' schemas (`s360 generate`): plain POSIX writes, no engine
        // target, so it builds in seconds in release and any benchmark or test can use it.
        .target(name: "DataGenerator", exclude: ["FORMAT.md"], swiftSettings: strictSettings),
        // The library product's one module: re-exports the engine and its connectors.
        .target(
            name: "Stream360",
            dependencies: [
                "Checkpointing", "Columnar", "Connectors", "Expressions", "FileConnector", "JSONIngest", "KafkaConnector",
                "MachineLearning", "Parquet", "StreamExecution", "StreamOperators", "StreamPlan", "StreamSQL",
            ],
            swiftSettings: strictSettings),
        // The application.
        .target(
            name: "Customer360",
            dependencies: [
                "Columnar", "Expressions", "JSONIngest", "Connectors", "FileConnector", "StreamOperators", "StreamPlan",
                "StreamExecution", "MachineLearning", "KafkaConnector", "KafkaClient", "DocumentStore", "Checkpointing",
                "StreamSQL", "SQLTables",
            ],
            exclude: ["Demo/FORMAT.md", "Churn/README.md"],
            swiftSettings: strictSettings),
        // The call-center portal (Hummingbird): reads the demo's document store and progress files.
        .target(
            name: "Portal",
            dependencies: [
                "DocumentStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "s360",
            dependencies: [
                "Columnar", "Connectors", "StreamExecution", "Customer360", "KafkaClient", "KafkaConnector", "MachineLearning",
                "DataGenerator", "Portal", "StreamSQL", "SQLTables", "StreamOperators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        // Micro-benchmarks: executables, run in release (`swift run -c release JSONIngestBenchmark FILES…`).
        .executableTarget(name: "JSONIngestBenchmark", dependencies: ["JSONIngest", "Columnar"], swiftSettings: strictSettings),
        // Tests mirror the library targets.
        .testTarget(name: "ColumnarTests", dependencies: ["Columnar"]),
        .testTarget(name: "ExpressionsTests", dependencies: ["Expressions", "Columnar"]),
        .testTarget(name: "JSONIngestTests", dependencies: ["JSONIngest", "Columnar"]),
        .testTarget(name: "StreamStateTests", dependencies: ["StreamState", "Columnar"]),
        .testTarget(
            name: "StreamOperatorsTests",
            dependencies: ["StreamOperators", "StreamPlan", "StreamExecution", "StreamTesting", "Expressions", "Connectors", "Columnar"]),
        .testTarget(
            name: "StreamExecutionTests",
            dependencies: ["StreamExecution", "StreamPlan", "StreamOperators", "StreamTesting", "Expressions", "Connectors", "Columnar", "Checkpointing"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Customer360", "MachineLearning", "StreamExecution", "StreamTesting", "Connectors", "Columnar", "FileConnector",
                "Checkpointing", "DocumentStore", "DataGenerator", "StreamSQL", "SQLTables",
            ]),
        .testTarget(name: "DataGeneratorTests", dependencies: ["DataGenerator"]),
        .testTarget(name: "StreamSQLTests", dependencies: ["StreamSQL", "SQLTables", "Columnar", "DocumentStore", "StreamTesting"], exclude: ["Corpus"]),
        // The command line itself: option parsing, deprecated spellings, messages (imports the executable target).
        .testTarget(name: "s360Tests", dependencies: ["s360", "Customer360", "Connectors", "Checkpointing", "Parquet", "DataGenerator"]),
        .testTarget(name: "CompressionTests", dependencies: ["Compression"]),
        .testTarget(name: "ConnectorsTests", dependencies: ["Connectors", "Compression", "Columnar", "StreamTesting"]),
        .testTarget(name: "CheckpointingTests", dependencies: ["Checkpointing", "Connectors"]),
        .testTarget(
            name: "FileConnectorTests",
            dependencies: ["FileConnector", "Checkpointing", "Parquet", "Connectors", "Columnar", "StreamTesting"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "DocumentStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "DocumentStoreTests", dependencies: ["DocumentStore", "Connectors", "Columnar"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "Columnar", "Compression"]),
        .testTarget(name: "MachineLearningTests", dependencies: ["MachineLearning", "Columnar", "JSONIngest"]),
        .testTarget(name: "XGBoostTests", dependencies: ["XGBoost"]),
        .testTarget(name: "KafkaClientTests", dependencies: ["KafkaClient"]),
        .testTarget(
            name: "KafkaConnectorTests",
            dependencies: [
                "KafkaConnector", "KafkaClient", "Customer360", "StreamExecution", "StreamPlan", "StreamTesting", "Connectors", "Columnar",
                "JSONIngest", "Expressions", "StreamSQL",
            ]),
        // Benchmarks: swift run -c release KafkaBenchmark
        .executableTarget(
            name: "KafkaBenchmark",
            dependencies: ["KafkaClient", "KafkaConnector", "Connectors", "Columnar"],
            path: "Benchmarks/KafkaBenchmark",
            swiftSettings: strictSettings),
        // Benchmarks: swift run -c release ParquetBenchmark
        .executableTarget(
            name: "ParquetBenchmark",
            dependencies: ["Parquet", "Columnar"],
            path: "Benchmarks/ParquetBenchmark",
            swiftSettings: strictSettings),
        // swift run -c release TopUpScoringBenchmark MODEL_DIR DATA_DIR
        .executableTarget(
            name: "TopUpScoringBenchmark",
            dependencies: ["Customer360", "MachineLearning", "XGBoost", "Columnar"],
            path: "Benchmarks/TopUpScoringBenchmark",
            swiftSettings: strictSettings),
        // swift run -c release DocumentStoreBenchmark [sqlite:PATH] [postgres://…]
        .executableTarget(
            name: "DocumentStoreBenchmark",
            dependencies: ["DocumentStore", "Columnar"],
            path: "Benchmarks/DocumentStoreBenchmark",
            swiftSettings: strictSettings),
        // swift run -c release OperatorBenchmark [--scale F]: window aggregation and join alone
        .executableTarget(
            name: "OperatorBenchmark",
            dependencies: [
                "StreamExecution", "StreamPlan", "StreamOperators", "StreamTesting", "Connectors", "Expressions", "Columnar", "DataGenerator",
            ],
            path: "Benchmarks/OperatorBenchmark",
            swiftSettings: strictSettings),
    ]
)
