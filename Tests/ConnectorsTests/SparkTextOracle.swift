import Foundation

/// Runs PySpark 4.3 (scripts/install-deps.sh installs it, with Java 17) as the reference for
/// the text file source: `readStream.text(dir)` with an available-now trigger into a memory sink.
enum SparkTextOracle {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `file|line` for every row Spark reads from `directory`, and the `ID`s that
    /// `from_json(value, 'array<struct<ID:string>>')` finds in them (null rows left out).
    static func read(_ directory: String) throws -> (rows: [String], parsedIDs: [String]) {
        let script = """
            import os, sys
            from urllib.parse import unquote
            from pyspark.sql import SparkSession, functions as F
            spark = (SparkSession.builder.master("local[1]").appName("s360-text-oracle")
                     .config("spark.ui.enabled", "false").getOrCreate())
            spark.sparkContext.setLogLevel("ERROR")
            q = (spark.readStream.text(sys.argv[1])
                 .withColumn("f", F.input_file_name())
                 .withColumn("j", F.from_json("value", "array<struct<ID:string>>"))
                 .writeStream.format("memory").queryName("lines").trigger(availableNow=True).start())
            q.awaitTermination()
            for r in spark.sql("SELECT * FROM lines").collect():
                print("ROW\\t" + os.path.basename(unquote(r.f)) + "|" + r.value)
                if r.j is not None and len(r.j) > 0 and r.j[0].ID is not None:
                    print("ID\\t" + r.j[0].ID)
            spark.stop()
            """
        let log = NSTemporaryDirectory() + "s360-text-oracle-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory]
        let out = Pipe()
        process.standardOutput = out
        // The JVM's log goes to a file, so that it can never fill a pipe and stall the process.
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure(description: "PySpark failed on \(directory) (pyspark missing? `make deps`): \(text.suffix(1500))")
        }
        var rows: [String] = []
        var ids: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("ROW\t") { rows.append(String(line.dropFirst(4))) }
            if line.hasPrefix("ID\t") { ids.append(String(line.dropFirst(3))) }
        }
        return (rows, ids)
    }
}
