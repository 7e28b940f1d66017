/// JSON records waiting for their event time: each is an object left open after its last
/// field, closed with `"ts":T` when the message that carries it is written.
///
/// The top-up stream emits a batch's bureau records seconds after they are made, and holds
/// late messages and strays back for several batches, each with a `ts` decided only at
/// emission; one contiguous buffer with end offsets keeps that cheap.
struct RecordList {
    /// The records' bytes, end to end; callers write a record with `writer`, then call ``finishRecord()``.
    var writer = JSONObjectWriter()
    private var ends: [Int] = []

    /// The number of finished records.
    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    /// Opens the next record.
    mutating func beginRecord() {
        writer.begin()
    }

    /// Marks the record being written as complete (still open, awaiting `ts`).
    mutating func finishRecord() {
        ends.append(writer.bytes.count)
    }

    /// Appends `other`'s records after this list's.
    mutating func append(contentsOf other: RecordList) {
        let offset = writer.bytes.count
        writer.bytes.append(contentsOf: other.writer.bytes)
        ends.append(contentsOf: other.ends.map { $0 + offset })
    }

    /// Writes the records as one message line: a JSON array whose records all carry `ts`.
    func writeMessage(ts: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        var start = 0
        writer.bytes.withUnsafeBufferPointer { records in
            for (index, end) in ends.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: records[start..<end]))
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: TopUpCatalog.ts.encoded)
                DigitWriter.append(ts, to: &bytes)
                bytes.append(UInt8(ascii: "}"))
                start = end
            }
        }
        bytes.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "\n")])
    }
}
