import Columnar
import Foundation

/// Runs `../shared/tools/read_parquet_dataset.py` (pyarrow or DuckDB) and renders rows of
/// both sides in one canonical text: `|`-joined values, `null`, `true`/`false`, integers in
/// decimal, doubles as `d` + their bit pattern, strings and ISO-8601 timestamps as they are.
enum ParquetToolOracle {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let tool: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/tools/read_parquet_dataset.py").standardizedFileURL.path
    }()

    /// The committed rows of the dataset at `path` as the tool reads them with `engine`.
    static func read(_ path: String, engine: String, columns: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, struct, subprocess, sys
            cols = sys.argv[-1].split(',')
            out = subprocess.run([sys.executable] + sys.argv[1:-1] + ['--columns', sys.argv[-1]], capture_output=True, text=True)
            if out.returncode != 0:
                sys.stderr.write(out.stderr); sys.exit(out.returncode)
            def canon(v):
                if v is None: return 'null'
                if isinstance(v, bool): return 'true' if v else 'false'
                if isinstance(v, int): return str(v)
                if isinstance(v, float): return 'd' + str(struct.unpack('<q', struct.pack('<d', v))[0])
                return str(v)
            for line in out.stdout.splitlines():
                row = json.loads(line)
                print('|'.join(canon(row.get(c)) for c in cols))
            """, tool, path, "--engine", engine, columns.joined(separator: ",")]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "read_parquet_dataset.py --engine \(engine) failed (is \(engine) installed? `make deps`): \(errors.suffix(600))")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// Stream360's rows in the same canonical text.
    static func lines(_ batch: RecordBatch, columns: [String]) throws -> [String] {
        let indices = try columns.map { try batch.schema.requireIndex(of: $0) }
        return (0..<batch.rowCount).map { r in
            indices.map { canonical(batch.columns[$0].scalar(at: r)) }.joined(separator: "|")
        }
    }

    static func canonical(_ value: Scalar) -> String {
        switch value {
        case .null: "null"
        case .double(let v): "d" + String(Int64(bitPattern: v.bitPattern))
        case .timestamp(let v): TimestampFormat.iso8601(micros: v)
        default: value.description
        }
    }
}
