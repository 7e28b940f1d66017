import Columnar

/// The distinct strings of one column chunk, for dictionary encoding.
///
/// An open-addressing hash table of indices into one ``StringBuffer``: looking up a value
/// hashes its bytes (FNV-1a) and compares bytes only on a hash match, with no `String` made.
/// ``plainSize`` is what the dictionary page will take, which the writer checks against its
/// limit to decide when to fall back to PLAIN.
struct StringDictionary {
    private(set) var values = StringBuffer()
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    /// Size of the PLAIN-encoded dictionary page: a 4-byte length plus the bytes of each value.
    private(set) var plainSize = 0

    var count: Int { values.count }

    /// The index of `utf8`, inserting it when new; `isNew` tells whether it was inserted.
    mutating func index(of utf8: UnsafeBufferPointer<UInt8>) -> (index: UInt32, isNew: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && equals(entry, utf8) { return (UInt32(entry), false) }
            slot = (slot + 1) & mask
        }
        let index = values.count
        values.append(utf8)
        hashes.append(hash)
        plainSize += 4 + utf8.count
        slots[slot] = Int32(index)
        if values.count * 2 > slots.count { grow() }
        return (UInt32(index), true)
    }

    private func equals(_ entry: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = values.range(entry)
        guard range.count == utf8.count else { return false }
        return values.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let other = utf8.baseAddress else { return range.isEmpty }
            return memcmpBytes(base + range.lowerBound, other, range.count)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: -1, count: capacity)
        let mask = capacity - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// Byte equality of two memory ranges of `count` bytes.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// Unsigned lexicographic comparison of two byte ranges (Parquet's order for strings).
func lexicographicallyPrecedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = min(a.count, b.count)
    var i = 0
    while i < n {
        if a[i] != b[i] { return a[i] < b[i] }
        i += 1
    }
    return a.count < b.count
}
