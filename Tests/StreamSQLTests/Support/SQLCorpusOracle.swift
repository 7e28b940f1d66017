import Foundation

/// Runs scripts/oracles/sql_corpus.py once (PySpark 4.3.0 and DuckDB in one Python process)
/// and keeps its rows per query and engine.
enum SQLCorpusOracle {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// name → engine → rows or an error message.
    typealias Results = [String: [String: Result<[[CorpusValue]], Failure>]]

    static let results: Result<Results, Failure> = Result { () throws(Failure) -> Results in try run() }

    private static func run() throws(Failure) -> Results {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", SQLCorpus.repositoryRoot.appendingPathComponent("scripts/oracles/sql_corpus.py").path,
            SQLCorpus.queriesPath, SQLCorpus.tablesPath, "all",
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start python3: \(error)")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if errors.contains("ModuleNotFoundError") {
                throw Failure(description: "the SQL oracle needs pyspark and duckdb (scripts/install-deps.sh installs them): \(errors.suffix(400))")
            }
            throw Failure(description: "sql_corpus.py failed (\(process.terminationStatus)): \(errors.suffix(1500))")
        }
        var results: Results = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["name"] as? String, let engine = object["engine"] as? String else {
                throw Failure(description: "unreadable oracle line: \(line.prefix(300))")
            }
            if let message = object["error"] as? String {
                results[name, default: [:]][engine] = .failure(Failure(description: message))
            } else if let rows = object["rows"] as? [[Any]] {
                results[name, default: [:]][engine] = .success(rows.map { $0.map(CorpusValue.init(json:)) })
            }
        }
        return results
    }
}
