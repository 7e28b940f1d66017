/// Variable-length UTF-8 strings in two contiguous buffers: `count + 1` offsets into one byte array.
///
/// Row `i` occupies `bytes[offsets[i] ..< offsets[i + 1]]`. A null row has an empty range
/// (its nullness lives in the column's validity bitmap).
public struct StringBuffer: Sendable, Hashable {
    public private(set) var offsets: [Int32]
    public private(set) var bytes: [UInt8]

    public init() {
        offsets = [0]
        bytes = []
    }

    public init(offsets: [Int32], bytes: [UInt8]) {
        precondition(!offsets.isEmpty, "a string buffer has count + 1 offsets")
        self.offsets = offsets
        self.bytes = bytes
    }

    public var count: Int { offsets.count - 1 }

    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    @inline(__always)
    public mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    public mutating func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append($0) }
    }

    /// Appends an empty entry (used for null rows).
    @inline(__always)
    public mutating func appendEmpty() {
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    /// The byte range of row `row`.
    @inline(__always)
    public func range(_ row: Int) -> Range<Int> {
        Int(offsets[row])..<Int(offsets[row + 1])
    }

    /// Calls `body` with the UTF-8 bytes of row `row`, without copying.
    @inline(__always)
    public func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(row)
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[r]))
        }
    }

    /// Row `row` as a Swift `String` (allocates: keep it off hot paths).
    public func string(_ row: Int) -> String {
        let r = range(row)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    /// Drops every row from `newCount` on, with their bytes (rolls back appends).
    public mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "cannot truncate \(count) strings to \(newCount)")
        bytes.removeLast(bytes.count - Int(offsets[newCount]))
        offsets.removeLast(count - newCount)
    }
}
