import Columnar

/// The buffered rows of one side of a stream-stream join, indexed by join key.
///
/// Rows live in the record batches they arrived in (no copying on insert); entries point at
/// them. Each entry carries its eviction deadline: the entry is removed once the watermark
/// passes it. Removed entries are dropped from the index lazily and the chunks are compacted
/// when more than half of the buffered rows are dead, so memory tracks the live rows.
final class JoinSideBuffer {
    struct Entry {
        var chunk: Int32
        var row: Int32
        var deadline: Int64
        var matched: Bool
        var alive: Bool
        /// The join key (nil for a null key, which matches nothing).
        var key: [UInt8]?
    }

    var chunks: [RecordBatch] = []
    var entries: [Entry] = []
    var index: [[UInt8]: [Int]] = [:]
    var liveCount = 0
    let schema: Schema

    init(schema: Schema) {
        self.schema = schema
    }

    /// Adds `rows` of `batch` with their keys (nil: a null key, kept only for outer joins) and deadlines.
    func insert(_ batch: RecordBatch, rows: [Int], keys: [[UInt8]?], deadlines: [Int64], matched: [Bool]) {
        guard !rows.isEmpty else { return }
        let chunk = Int32(chunks.count)
        chunks.append(batch)
        for (i, row) in rows.enumerated() {
            let id = entries.count
            entries.append(Entry(chunk: chunk, row: Int32(row), deadline: deadlines[i], matched: matched[i], alive: true, key: keys[i]))
            if let key = keys[i] { index[key, default: []].append(id) }
        }
        liveCount += rows.count
    }

    /// The live entries with key `key`.
    func matches(_ key: [UInt8]) -> [Int] {
        (index[key] ?? []).filter { entries[$0].alive }
    }

    func markMatched(_ id: Int) { entries[id].matched = true }

    /// Removes every entry whose deadline is before `watermark`; returns the removed entries.
    func evict(before watermark: Int64) -> [Entry] {
        var removed: [Entry] = []
        for id in entries.indices where entries[id].alive && entries[id].deadline < watermark {
            entries[id].alive = false
            removed.append(entries[id])
        }
        liveCount -= removed.count
        return removed
    }

    /// Rebuilds chunks and index from live entries when dead entries dominate.
    func compactIfNeeded() {
        guard entries.count > 1024, liveCount * 2 < entries.count else { return }
        var rowsByChunk: [[Int]] = Array(repeating: [], count: chunks.count)
        var kept: [Entry] = []
        for entry in entries where entry.alive {
            rowsByChunk[Int(entry.chunk)].append(Int(entry.row))
            kept.append(entry)
        }
        var newChunks: [RecordBatch] = []
        var newEntries: [Entry] = []
        var cursor = 0
        for (c, rows) in rowsByChunk.enumerated() where !rows.isEmpty {
            newChunks.append(chunks[c].take(rows))
            for r in rows.indices {
                var entry = kept[cursor]
                entry.chunk = Int32(newChunks.count - 1)
                entry.row = Int32(r)
                newEntries.append(entry)
                cursor += 1
            }
        }
        chunks = newChunks
        entries = newEntries
        index = [:]
        for (id, entry) in entries.enumerated() {
            if let key = entry.key { index[key, default: []].append(id) }
        }
    }

    /// Rough bytes held, for progress reports.
    var approximateBytes: Int {
        entries.count * MemoryLayout<Entry>.stride + chunks.reduce(0) { $0 + $1.rowCount * 16 * max(1, $1.schema.count) }
    }
}
