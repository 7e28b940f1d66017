public import Columnar
import Connectors
import Expressions

/// Prints a query result: an aligned text table (`NULL` for nulls, numbers right-aligned),
/// JSON lines, or CSV.
public enum SQLResultFormatter {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    public static func format(_ batch: RecordBatch, as format: Format) -> String {
        switch format {
        case .table: table(batch)
        case .json: JSONLinesEncoder.string(batch)
        case .csv: csv(batch)
        }
    }

    /// Each cell as Spark's `CAST(… AS STRING)` prints it (timestamps `2024-01-01 00:00:30`), nil for null.
    static func cells(_ batch: RecordBatch) -> [[String?]] {
        batch.columns.map { column in
            switch column.type {
            case .array, .structure:
                return (0..<column.count).map { column.isNull($0) ? nil : column.scalar(at: $0).description }
            default:
                let strings = CastKernel.cast(column, to: .string)
                return (0..<strings.count).map { strings.isNull($0) ? nil : strings.strings.string($0) }
            }
        }
    }

    public static func table(_ batch: RecordBatch) -> String {
        let columns = cells(batch)
        let names = batch.schema.names
        let widths = names.indices.map { i in
            max(names[i].count, columns[i].map { ($0 ?? "NULL").count }.max() ?? 0)
        }
        func line(_ values: [String], numeric: [Bool]) -> String {
            "| " + values.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - values[i].count)
                return numeric[i] ? pad + values[i] : values[i] + pad
            }.joined(separator: " | ") + " |"
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        var out = [rule, line(names, numeric: names.map { _ in false }), rule]
        let numeric = batch.schema.fields.map(\.type.isNumeric)
        for row in 0..<batch.rowCount {
            out.append(line(columns.map { $0[row] ?? "NULL" }, numeric: numeric))
        }
        out.append(rule)
        out.append("\(batch.rowCount) row\(batch.rowCount == 1 ? "" : "s")")
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header; nulls are empty fields, quoted only when needed.
    public static func csv(_ batch: RecordBatch) -> String {
        func quoted(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences("\"", "\"\"") + "\"" : s
        }
        let columns = cells(batch)
        var out = batch.schema.names.map(quoted).joined(separator: ",") + "\n"
        for row in 0..<batch.rowCount {
            out += columns.map { $0[row].map(quoted) ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }
}
