import Columnar
import StreamState

/// Finds the state slot of a group from its window start and encoded key bytes, without
/// allocating on lookups.
///
/// An open-addressing table over the group's 64-bit XXH64 hash of (window start, key bytes):
/// the hash's low bits pick a bucket, linear probing finds the group, and a bucket holds only the
/// slot number (the slot's hash, start and key bytes live in per-slot arrays, compared in that
/// order). The hash is never hashed again (no `Dictionary`). Removal shifts later entries of
/// the probe run back, so no tombstones accumulate. Only inserting a new group copies its key.
struct GroupIndex {
    /// Slot + 1 per bucket, 0 for an empty bucket; a power of two long, at most half full.
    private var buckets: [Int] = []
    private var hashes: [UInt64] = []
    private(set) var starts: [Int64] = []
    private var keys: [[UInt8]] = []

    /// The number of groups indexed.
    private(set) var count = 0

    static func hash(start: Int64, key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        XXHash64.hashBytes(key, seed: UInt64(bitPattern: start))
    }

    @inline(__always)
    private func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash) & (buckets.count - 1)
    }

    /// The slot of the group, if present; `hash` must be ``hash(start:key:)`` of the same values.
    func find(start: Int64, key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var bucket = home(hash)
        while true {
            let entry = buckets[bucket]
            if entry == 0 { return nil }
            let slot = entry - 1
            if hashes[slot] == hash && starts[slot] == start && keys[slot].elementsEqual(key) { return slot }
            bucket = (bucket + 1) & mask
        }
    }

    /// Records a new group in `slot` (a fresh slot or one freed by ``remove(_:)``).
    mutating func insert(slot: Int, start: Int64, key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if slot >= hashes.count { reserveSlots(slot + 1) }
        if (count + 1) * 2 > buckets.count { grow() }
        hashes[slot] = hash
        starts[slot] = start
        keys[slot] = Array(key)
        place(slot)
        count += 1
    }

    /// The key bytes of the group in `slot`.
    func key(_ slot: Int) -> [UInt8] { keys[slot] }

    /// Makes room for slots `0..<count`, so that ``insert(slot:start:key:hash:)`` may fill them in any order.
    mutating func reserveSlots(_ count: Int) {
        guard hashes.count < count else { return }
        let added = count - hashes.count
        hashes.append(contentsOf: repeatElement(0, count: added))
        starts.append(contentsOf: repeatElement(0, count: added))
        keys.append(contentsOf: repeatElement([], count: added))
    }

    /// Forgets the group in `slot`.
    mutating func remove(_ slot: Int) {
        guard !buckets.isEmpty else { return }
        let mask = buckets.count - 1
        var hole = home(hashes[slot])
        while buckets[hole] != slot + 1 {
            if buckets[hole] == 0 { return }  // not indexed
            hole = (hole + 1) & mask
        }
        // Backward-shift deletion: move up every later entry of the run whose home is not
        // between the hole and its bucket (cyclically), so probes never meet a gap early.
        var bucket = (hole + 1) & mask
        while buckets[bucket] != 0 {
            let wanted = home(hashes[buckets[bucket] - 1])
            let staysPut = hole <= bucket ? (hole < wanted && wanted <= bucket) : (hole < wanted || wanted <= bucket)
            if !staysPut {
                buckets[hole] = buckets[bucket]
                hole = bucket
            }
            bucket = (bucket + 1) & mask
        }
        buckets[hole] = 0
        keys[slot] = []
        count -= 1
    }

    /// Puts `slot` (whose hash is recorded) into the first free bucket of its probe run.
    private mutating func place(_ slot: Int) {
        let mask = buckets.count - 1
        var bucket = home(hashes[slot])
        while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = slot + 1
    }

    /// Doubles the table (16 buckets at first) and places every indexed slot again.
    private mutating func grow() {
        let old = buckets
        buckets = Array(repeating: 0, count: max(16, old.count * 2))
        for entry in old where entry != 0 { place(entry - 1) }
    }
}
