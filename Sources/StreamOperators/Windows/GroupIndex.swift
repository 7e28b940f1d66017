import Columnar
import StreamState

/// Finds the state slot of a group from its window start and encoded key bytes, without
/// allocating on lookups.
///
/// Groups are found by a 64-bit hash of (window start, key bytes); slots sharing a hash are
/// chained and told apart by comparing their stored key bytes. Only inserting a new group
/// copies its key bytes.
struct GroupIndex {
    private var headByHash: [UInt64: Int] = [:]
    private var next: [Int] = []
    private var hashes: [UInt64] = []
    private(set) var starts: [Int64] = []
    private var keys: [[UInt8]] = []

    /// The number of groups indexed.
    private(set) var count = 0

    static func hash(start: Int64, key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        XXHash64.hashBytes(key, seed: UInt64(bitPattern: start))
    }

    /// The slot of the group, if present; `hash` must be ``hash(start:key:)`` of the same values.
    func find(start: Int64, key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        var slot = headByHash[hash] ?? -1
        while slot >= 0 {
            if starts[slot] == start && keys[slot].elementsEqual(key) { return slot }
            slot = next[slot]
        }
        return nil
    }

    /// Records a new group in `slot` (a fresh slot or one freed by ``remove(_:)``).
    mutating func insert(slot: Int, start: Int64, key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if slot == next.count {
            next.append(-1)
            hashes.append(0)
            starts.append(0)
            keys.append([])
        }
        next[slot] = headByHash[hash] ?? -1
        headByHash[hash] = slot
        hashes[slot] = hash
        starts[slot] = start
        keys[slot] = Array(key)
        count += 1
    }

    /// The key bytes of the group in `slot`.
    func key(_ slot: Int) -> [UInt8] { keys[slot] }

    /// Makes room for slots `0..<count`, so that ``insert(slot:start:key:hash:)`` may fill them in any order.
    mutating func reserveSlots(_ count: Int) {
        while next.count < count {
            next.append(-1)
            hashes.append(0)
            starts.append(0)
            keys.append([])
        }
    }

    /// Forgets the group in `slot`.
    mutating func remove(_ slot: Int) {
        let hash = hashes[slot]
        if headByHash[hash] == slot {
            headByHash[hash] = next[slot] >= 0 ? next[slot] : nil
        } else {
            var previous = headByHash[hash] ?? -1
            while previous >= 0 && next[previous] != slot { previous = next[previous] }
            if previous >= 0 { next[previous] = next[slot] }
        }
        next[slot] = -1
        keys[slot] = []
        count -= 1
    }
}
