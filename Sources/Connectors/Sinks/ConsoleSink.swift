public import Columnar

/// Prints each batch as a readable table, like Spark's console sink.
public final class ConsoleSink: StreamSink {
    public let description = "ConsoleSink"
    /// At most this many rows are printed per batch.
    public let maxRows: Int
    /// Cells longer than this are cut with `...`.
    public let maxWidth: Int
    private let write: (String) -> Void

    public init(maxRows: Int = 20, maxWidth: Int = 20, write: @escaping (String) -> Void = { print($0) }) {
        self.maxRows = maxRows
        self.maxWidth = maxWidth
        self.write = write
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) {
        write("-------------------------------------------\nBatch: \(batchId)\n-------------------------------------------")
        write(TableRenderer.render(batch, maxRows: maxRows, maxWidth: maxWidth))
    }
}

/// Renders a batch as an ASCII table (`+---+` borders), cutting long cells.
public enum TableRenderer {
    public static func render(_ batch: RecordBatch, maxRows: Int = 20, maxWidth: Int = 20) -> String {
        let shown = min(batch.rowCount, maxRows)
        func cut(_ s: String) -> String { s.count > maxWidth ? String(s.prefix(maxWidth - 3)) + "..." : s }
        let header = batch.schema.names.map(cut)
        let rows = (0..<shown).map { r in batch.row(r).map { cut($0.description) } }
        let widths = header.indices.map { c in rows.reduce(header[c].count) { max($0, $1[c].count) } }
        let border = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+"
        func line(_ cells: [String]) -> String {
            "|" + cells.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }
                .joined(separator: "|") + "|"
        }
        var lines = [border, line(header), border]
        lines += rows.map(line)
        lines.append(border)
        if batch.rowCount > shown { lines.append("only showing top \(shown) rows") }
        return lines.joined(separator: "\n")
    }
}
