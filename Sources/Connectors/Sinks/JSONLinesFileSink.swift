public import Columnar

/// Appends each micro-batch's rows to one JSON-lines file as the batch arrives, idempotent by
/// batch id, so a long or unbounded query streams its output to disk instead of holding it.
///
/// Beside the file, an index (`.NAME.batches` in the same directory: one line `BATCH_ID END`
/// per batch, END being the file's length in bytes after that batch) records where each batch
/// ends. Writing batch N first cuts the file back to the end of the last batch before N, so
///
/// - a batch re-run after a crash or a transient failure replaces what its earlier attempt
///   wrote, torn lines included (the index line is written only after the rows are synced);
/// - a query resumed from its checkpoint appends after the batches it committed earlier;
/// - a query run from batch 0 again (no checkpoint) starts the file afresh.
///
/// Call ``resume(at:)`` with the query's first batch id before it runs, so the file exists
/// (empty when no batch has data) and holds exactly the batches before that id.
///
/// ```swift
/// let sink = try JSONLinesFileSink(path: "out/joined.jsonl")
/// let query = try StreamingQuery(joined, sink: sink, configuration: settings)
/// try sink.resume(at: query.nextBatchId)
/// try await query.run()
/// ```
public final class JSONLinesFileSink: StreamSink {
    /// The JSON-lines file.
    public let path: String
    /// The batch index beside it.
    public let indexPath: String
    /// Rows written by this process (batches replaced by a re-run counted once).
    public private(set) var rowsWritten = 0
    /// Batch ids in the file and the file's length after each, oldest first.
    public private(set) var batches: [(batchId: Int64, end: Int64)]
    private var rowsByBatch: [Int64: Int] = [:]

    public var description: String { "JSONLinesFileSink[\(path)]" }

    /// Opens the sink over `path`, reading its batch index when there is one.
    /// - Throws: ``ConnectorError`` when the index cannot be read or is not one this sink wrote.
    public init(path: String) throws(ConnectorError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        indexPath = "\(directory).\(name).batches"
        batches = []
        if FileSystem.exists(indexPath) {
            let (entries, torn) = try Self.readIndex(indexPath)
            batches = entries
            // A crash while the last index line was written: that batch never completed.
            if torn { try writeIndex() }
        }
    }

    /// Keeps exactly the batches before `batchId` in the file (creating it when missing) and
    /// returns the last batch id kept, nil when none.
    @discardableResult
    public func resume(at batchId: Int64) throws(ConnectorError) -> Int64? {
        let kept = batches.prefix { $0.batchId < batchId }
        let end = kept.last?.end ?? 0
        if kept.count != batches.count || FileSystem.fileSize(path) != end {
            try FileSystem.truncate(path, to: end)
            if kept.count != batches.count {
                batches = Array(kept)
                try writeIndex()
            }
        }
        for id in rowsByBatch.keys where id >= batchId {
            rowsWritten -= rowsByBatch.removeValue(forKey: id) ?? 0
        }
        return kept.last?.batchId
    }

    /// Writes batch `batchId`, replacing whatever an earlier attempt of it (or of any later
    /// batch) wrote.
    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        try resume(at: batchId)
        var bytes: [UInt8] = []
        JSONLinesEncoder.encode(batch, into: &bytes)
        let end = (batches.last?.end ?? 0) + Int64(bytes.count)
        if !bytes.isEmpty { try FileSystem.appendDurably(bytes, to: path) }
        try FileSystem.appendDurably(Array("\(batchId) \(end)\n".utf8), to: indexPath)
        batches.append((batchId, end))
        rowsByBatch[batchId] = batch.rowCount
        rowsWritten += batch.rowCount
    }

    private func writeIndex() throws(ConnectorError) {
        var text = ""
        for entry in batches { text += "\(entry.batchId) \(entry.end)\n" }
        try FileSystem.writeAtomically(Array(text.utf8), to: indexPath)
    }

    /// The index's entries, and whether its last line was torn (written without its newline).
    private static func readIndex(_ path: String) throws(ConnectorError) -> (entries: [(batchId: Int64, end: Int64)], torn: Bool) {
        var entries: [(batchId: Int64, end: Int64)] = []
        var text = String(decoding: try FileSystem.readAll(path), as: UTF8.self)
        let torn = !text.isEmpty && !text.hasSuffix("\n")
        if torn, let lastNewline = text.lastIndex(of: "\n") {
            text = String(text[...lastNewline])
        } else if torn {
            text = ""
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let id = Int64(fields[0]), let end = Int64(fields[1]),
                  end >= (entries.last?.end ?? 0), id > (entries.last?.batchId ?? -1) else {
                throw .unreadableLocation(path, reason: "line \(number + 1) of the batch index is '\(line)', expected "
                    + "'BATCH_ID END_OFFSET' in increasing order; remove the index and its JSON-lines file to start afresh")
            }
            entries.append((id, end))
        }
        return (entries, torn)
    }
}
