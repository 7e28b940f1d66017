#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
                file.forEachLine(startingIn: lower..<upper) { line, number in
                    values.append(utf8: line)
                    fileNames.append(utf8: name)
                    lines.append(Int64(number))
                }
            }
        }
        let count = values.count
        return RecordBatch(trusted: schema, columns: [values.finish(), fileNames.finish(), lines.finish()], rowCount: count)
    }

    /// Calls `body` with each line (without `\n` or `\r\n`) that starts in `range`, and its
    /// 1-based number in the file, as ``TextLines/forEachLine(in:_:)`` numbers them.
    func forEachLine(startingIn range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            // The first line starting at or after range.lowerBound, and its number.
            var start = 0
            var number = 0
            if range.lowerBound > 0 {
                var cursor = 0
                while cursor < range.lowerBound, let found = memchr(base + cursor, 0x0A, range.lowerBound - cursor) {
                    number += 1
                    cursor = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                // `cursor` is just after the last newline before lowerBound: the line there
                // starts before the range unless the newline is the byte right before it.
                start = cursor
                if start < range.lowerBound {
                    guard let next = memchr(base + range.lowerBound, 0x0A, all.count - range.lowerBound) else { return }
                    number += 1
                    start = base.distance(to: next.assumingMemoryBound(to: UInt8.self)) + 1
                }
            }
            while start < all.count && start < range.upperBound {
                let end: Int
                if let found = memchr(base + start, 0x0A, all.count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = all.count
                }
                number += 1
                var stop = end
                if stop > start, all[stop - 1] == 0x0D { stop -= 1 }
                body(UnsafeBufferPointer(rebasing: all[start..<stop]), number)
                start = end + 1
            }
        }
    }
}
