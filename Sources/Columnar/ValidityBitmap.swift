/// One bit per row: set when the row holds a value, clear when it is null.
///
/// Bits are packed into 64-bit words, least significant bit first, like Arrow's validity
/// buffers. A column with no nulls at all carries no bitmap (see ``Column/validity``).
public struct ValidityBitmap: Sendable, Hashable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// An empty bitmap.
    public init() {
        words = []
        count = 0
    }

    /// A bitmap of `count` rows, all valid or all null.
    public init(repeating valid: Bool, count: Int) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = Array(repeating: valid ? ~0 : 0, count: wordCount)
        if valid, count & 63 != 0 {
            words[wordCount - 1] = (1 << UInt64(count & 63)) - 1
        }
    }

    /// Reserves room for `capacity` rows.
    public mutating func reserveCapacity(_ capacity: Int) {
        words.reserveCapacity((capacity + 63) >> 6)
    }

    @inline(__always)
    public func isValid(_ row: Int) -> Bool {
        words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    @inline(__always)
    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if valid { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    public mutating func set(_ row: Int, valid: Bool) {
        if valid {
            words[row >> 6] |= 1 << UInt64(row & 63)
        } else {
            words[row >> 6] &= ~(1 << UInt64(row & 63))
        }
    }

    /// The number of valid (non-null) rows.
    public var validCount: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The number of null rows.
    public var nullCount: Int { count - validCount }

    /// Drops every row from `newCount` on (rolls back appends; `newCount` must not exceed `count`).
    public mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "cannot truncate \(count) rows to \(newCount)")
        let wordCount = (newCount + 63) >> 6
        words.removeLast(words.count - wordCount)
        if newCount & 63 != 0 { words[wordCount - 1] &= (1 << UInt64(newCount & 63)) - 1 }
        count = newCount
    }
}
