import Foundation
import Testing
@testable import Parquet
import Columnar

/// Runs Python scripts that use pyarrow and DuckDB as independent Parquet implementations.
///
/// The modules are installed by `make test` (scripts/install-deps.sh). When one is missing the
/// test fails with a message saying so: an oracle test must never pass without its oracle.
enum PythonOracle {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Canonical text for values, shared with ``canonical(_:)`` on the Swift side: doubles by
    /// bit pattern, timestamps as epoch microseconds, strings JSON-quoted.
    static let prelude = #"""
    import json, struct, datetime, sys
    EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    def canon(v):
        if v is None: return "null"
        if isinstance(v, bool): return "true" if v else "false"
        if isinstance(v, int): return str(v)
        if isinstance(v, float): return "d" + str(struct.unpack('<q', struct.pack('<d', v))[0])
        if isinstance(v, str): return json.dumps(v, ensure_ascii=False)
        if isinstance(v, bytes): return json.dumps(v.decode('utf-8'), ensure_ascii=False)
        if isinstance(v, datetime.datetime):
            if v.tzinfo is None: v = v.replace(tzinfo=datetime.timezone.utc)
            d = v - EPOCH
            return str(d.days * 86400000000 + d.seconds * 1000000 + d.microseconds)
        if isinstance(v, dict): return "{" + ",".join(canon(x) for x in v.values()) + "}"
        if isinstance(v, tuple): return "{" + ",".join(canon(x) for x in v) + "}"
        if isinstance(v, list): return "[" + ",".join(canon(x) for x in v) + "]"
        raise TypeError(str(type(v)))
    def emit_rows(rows):
        for row in rows: print("[" + ",".join(canon(v) for v in row) + "]")
    def pyarrow_rows(path, columns=None):
        import pyarrow.parquet as pq
        t = pq.read_table(path, columns=columns, coerce_int96_timestamp_unit='us')
        cols = [c.to_pylist() for c in t.columns]
        return list(zip(*cols)) if cols else []
    """#

    /// Runs `script` (after the prelude) with `arguments`; returns its standard output.
    static func run(_ script: String, _ arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", prelude + "\n" + script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrText = String(decoding: errors, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            if stderrText.contains("ModuleNotFoundError") {
                throw Failure(description: "a Python oracle module is missing (run `make deps`, which installs pyarrow and duckdb): \(stderrText.suffix(400))")
            }
            throw Failure(description: "python3 failed (\(process.terminationStatus)): \(stderrText.suffix(1500))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The output's non-empty lines.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Rows of `path` as pyarrow reads them, canonical.
    static func pyarrowRows(_ path: String) throws -> [String] {
        lines(try run("emit_rows(pyarrow_rows(sys.argv[1]))", [path]))
    }

    /// Rows of each file in `paths` as pyarrow reads them, canonical, from one Python process.
    static func pyarrowRows(files paths: [String]) throws -> [[String]] {
        let output = try run("""
        for p in sys.argv[1:]:
            print("@@file")
            emit_rows(pyarrow_rows(p))
        """, paths)
        var result: [[String]] = []
        for line in lines(output) {
            if line == "@@file" { result.append([]) } else if !result.isEmpty { result[result.count - 1].append(line) }
        }
        return result
    }

    /// Rows of `path` as DuckDB reads them, canonical (timestamps through `epoch_us`).
    static func duckDBRows(_ path: String) throws -> [String] {
        lines(try run("""
        import duckdb
        path = sys.argv[1]
        con = duckdb.connect()
        cols = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
        exprs = []
        for name, typ, *_ in cols:
            q = '"' + name.replace('"', '""') + '"'
            exprs.append(f"epoch_us({q})" if typ.startswith("TIMESTAMP") else q)
        emit_rows(con.execute(f"SELECT {', '.join(exprs)} FROM read_parquet(?)", [path]).fetchall())
        """, [path]))
    }
}

/// The canonical text of a Swift value, matching the Python prelude's `canon`.
func canonical(_ scalar: Scalar) -> String {
    switch scalar {
    case .null: "null"
    case .int(let v): String(v)
    case .long(let v), .timestamp(let v): String(v)
    case .double(let v): "d" + String(Int64(bitPattern: v.bitPattern))
    case .boolean(let v): v ? "true" : "false"
    case .string(let s): SparkSchemaJSON.quoted(s)
    case .structure(let items): "{" + items.map(canonical).joined(separator: ",") + "}"
    case .array(let items): "[" + items.map(canonical).joined(separator: ",") + "]"
    }
}

/// Every row of `batch`, canonical.
func canonicalRows(_ batch: RecordBatch) -> [String] {
    (0..<batch.rowCount).map { row in "[" + batch.row(row).map(canonical).joined(separator: ",") + "]" }
}
