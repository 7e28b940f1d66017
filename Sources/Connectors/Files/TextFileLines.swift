import Columnar

/// One file's bytes and name, as a text-file source reads it: the lines become rows of
/// (`value`, `_source_file`, `_source_line`).
struct TextFileLines: Sendable {
    let name: [UInt8]
    let bytes: [UInt8]

    /// The rows of the lines of `files` (taken one after another) that start at a byte offset in
    /// `range`, in order, with their file name and 1-based line number. A line belongs to the
    /// range its first byte is in, so ranges that tile the files give every line exactly once.
    static func batch(of files: [TextFileLines], startingIn range: Range<Int>, schema: Schema) -> RecordBatch {
        var values = ColumnBuilder(type: .string)
        var fileNames = ColumnBuilder(type: .string)
        var lines = ColumnBuilder(type: .long)
        var fileStart = 0
        for file in files {
            defer { fileStart += file.bytes.count }
            let lower = max(range.lowerBound - fileStart, 0)
            let upper = min(range.upperBound - fileStart, file.bytes.count)
            guard lower < upper else { continue }
            file.name.withUnsafeBufferPointer { name in
                TextLines.forEachLine(in: file.bytes, startingIn: lower..<upper) { line, number in
                    values.append(utf8: line)
                    fileNames.append(utf8: name)
                    lines.append(Int64(number))
                }
            }
        }
        let count = values.count
        return RecordBatch(trusted: schema, columns: [values.finish(), fileNames.finish(), lines.finish()], rowCount: count)
    }
}
