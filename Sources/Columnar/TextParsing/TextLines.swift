#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a buffer into lines on `\n`, dropping a trailing `\r`; a last line without a newline counts.
public enum TextLines {
    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
    public static func forEachLine(in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        forEachLine(in: bytes, startingIn: 0..<bytes.count, body)
    }

    /// Calls `body` with each line that starts at a byte offset in `range`, and its 1-based number
    /// in the whole buffer. A line belongs to the range its first byte is in, so ranges that tile
    /// the buffer give every line exactly once (how a file is split among partitions).
    public static func forEachLine(
        in bytes: [UInt8], startingIn range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            func newline(from start: Int, before end: Int) -> Int? {
                guard start < end, let found = memchr(base + start, 0x0A, end - start) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            // The first line starting at or after range.lowerBound, and the number of lines before it.
            var start = 0
            var number = 0
            if range.lowerBound > 0 {
                while let found = newline(from: start, before: range.lowerBound) {
                    number += 1
                    start = found + 1
                }
                // The line at `start` began before the range unless a newline ends right before it.
                if start < range.lowerBound {
                    guard let found = newline(from: range.lowerBound, before: all.count) else { return }
                    number += 1
                    start = found + 1
                }
            }
            while start < all.count && start < range.upperBound {
                let end = newline(from: start, before: all.count) ?? all.count
                number += 1
                var stop = end
                if stop > start, all[stop - 1] == 0x0D { stop -= 1 }
                body(UnsafeBufferPointer(rebasing: all[start..<stop]), number)
                start = end + 1
            }
        }
    }
}
