/// An open-addressing hash table from UTF-8 labels to their indices, probed with the bytes of a
/// string column directly, so that indexing a batch allocates no `String` per row.
struct LabelTable: Sendable {
    private let bytes: [UInt8]
    private let offsets: [Int]
    private let slots: [Int32]
    private let mask: Int

    /// The table of `labels`; a label's index is its position (the first one wins on duplicates).
    init(_ labels: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for label in labels {
            bytes.append(contentsOf: label.utf8)
            offsets.append(bytes.count)
        }
        var capacity = 8
        while capacity < labels.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            for index in labels.indices {
                let key = UnsafeBufferPointer(rebasing: all[offsets[index]..<offsets[index + 1]])
                var slot = Self.hash(key) & mask
                var duplicate = false
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if key.elementsEqual(all[offsets[other]..<offsets[other + 1]]) {
                        duplicate = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if !duplicate { slots[slot] = Int32(index) }
            }
        }
        self.bytes = bytes
        self.offsets = offsets
        self.slots = slots
        self.mask = mask
    }

    /// The index of the label spelled by `key`, or nil when it is not a label.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBufferPointer { all in
            while slots[slot] >= 0 {
                let candidate = Int(slots[slot])
                if key.elementsEqual(all[offsets[candidate]..<offsets[candidate + 1]]) { return candidate }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// FNV-1a, folded to a non-negative `Int`.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h >> 1)
    }
}
