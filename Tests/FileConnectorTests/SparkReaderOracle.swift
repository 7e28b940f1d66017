import Foundation

/// Runs PySpark 4.3 (installed by scripts/install-deps.sh, Java 17) as the reference reader of
/// a file sink's output: `spark.read.parquet(dir)` honours `_spark_metadata`, so it reads only
/// the files the manifest lists, and fails when the manifest is not what Spark expects.
enum SparkReaderOracle {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The rows of `columns` that Spark reads from the sink directory `path`, one line per row:
    /// `|`-joined values, `null` for null, integers in decimal, strings as they are.
    static func read(_ path: String, columns: [String]) throws -> [String] {
        let script = """
            import sys
            from pyspark.sql import SparkSession
            spark = (SparkSession.builder.master("local[1]").appName("s360-sink-oracle")
                     .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate())
            spark.sparkContext.setLogLevel("ERROR")
            cols = sys.argv[2].split(",")
            def canon(v):
                if v is None: return "null"
                if isinstance(v, bool): return "true" if v else "false"
                return str(v)
            for row in spark.read.parquet(sys.argv[1]).select(*cols).collect():
                print("|".join(canon(v) for v in row))
            spark.stop()
            """
        // The JVM's log goes to a file, so that it can never fill a pipe and stall the process.
        let log = NSTemporaryDirectory() + "s360-spark-oracle-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, columns.joined(separator: ",")]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let reason = text.split(separator: "\n").filter { $0.contains("Exception:") || $0.contains("Error:") }
                .prefix(3).joined(separator: "\n")
            throw Failure(description: "PySpark could not read \(path) (pyspark missing? `make deps`):\n\(reason.isEmpty ? String(text.suffix(1500)) : reason)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
