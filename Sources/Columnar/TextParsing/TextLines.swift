#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a buffer into lines on `\n`, dropping a trailing `\r`; a last line without a newline counts.
public enum TextLines {
    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based number.
    public static func forEachLine(in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var start = 0
            var number = 0
            while start < all.count {
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
