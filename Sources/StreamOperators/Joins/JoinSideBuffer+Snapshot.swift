import Columnar

/// A join side's live rows as a snapshot payload:
///
/// ```
/// live entries n i64 | rows: one record batch of the side's schema (only when n > 0)
/// | per entry: deadline i64 | matched u8 | key: 0, or 1 + u32 length + bytes
/// ```
/// Dead entries are not written: a restored buffer is compacted, with its live entries in the
/// original order, so matches come out in the same order as without the restart.
extension JoinSideBuffer {
    func encode(into writer: inout StateSnapshotWriter) {
        let live = entries.filter(\.alive)
        writer.write(count: live.count)
        guard !live.isEmpty else { return }
        let refs = live.map { SourceRow(source: Int($0.chunk), row: Int($0.row)) }
        let columns = schema.fields.indices.map { c in
            Column.gather(chunks.map { $0.columns[c] }, refs, type: schema.fields[c].type)
        }
        writer.write(RecordBatch(trusted: schema, columns: columns, rowCount: live.count))
        for entry in live {
            writer.write(entry.deadline)
            writer.write(entry.matched)
            if let key = entry.key {
                writer.write(UInt8(1))
                writer.write(key)
            } else {
                writer.write(UInt8(0))
            }
        }
    }

    func decode(from reader: inout StateSnapshotReader) throws(OperatorError) {
        let count = try reader.count(limit: reader.bytes.count)
        var newChunks: [RecordBatch] = []
        var newEntries: [Entry] = []
        var newIndex: [[UInt8]: [Int]] = [:]
        if count > 0 {
            let rows = try reader.batch(schema)
            guard rows.rowCount == count else { throw reader.corrupt("\(rows.rowCount) buffered rows for \(count) entries") }
            newChunks = [rows]
            for row in 0..<count {
                let deadline = try reader.int64()
                let matched = try reader.bool()
                let key: [UInt8]? = try reader.bool() ? try reader.byteString() : nil
                if let key { newIndex[key, default: []].append(row) }
                newEntries.append(Entry(chunk: 0, row: Int32(row), deadline: deadline, matched: matched, alive: true, key: key))
            }
        }
        chunks = newChunks
        entries = newEntries
        index = newIndex
        liveCount = count
    }
}
