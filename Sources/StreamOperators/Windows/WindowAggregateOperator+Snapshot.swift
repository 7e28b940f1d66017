import Columnar

/// The aggregate's state as a snapshot payload (inside ``StateSnapshot``'s envelope):
///
/// ```
/// window duration i64 (-1 without a window) | key columns i64 | accumulators i64   (a shape check)
/// slot capacity i64 | free slots: count i64, slot i64…
/// live groups: count i64, then per group (ascending slot):
///     slot i64 | window start i64 | key bytes (u32 length + bytes) | key values: count i64, scalar…
///     | each accumulator's slot state (sum: seen u8 + i64/f64; count: i64; avg: f64 + i64;
///       min/max/first/last: scalar; approx_count_distinct: 0 + u32 n + n u16 sparse entries,
///       or 1 + u32 length + registers; count_distinct: count i64 + scalars;
///       collect_first: count i64 + scalars)
/// windows: count i64, then per window (ascending start): start i64, slots (count i64, slot i64…)
/// ```
/// Slot numbers are kept, so a restored operator emits its groups in the same order as the
/// original would have.
extension WindowAggregateOperator {
    public func snapshot() throws(OperatorError) -> [UInt8] {
        var writer = StateSnapshotWriter()
        writeShape(&writer)
        writer.write(count: keyValues.count)
        writer.write(freeSlots.map(Int64.init))
        let live = liveSlots.sorted()
        writer.write(count: live.count)
        for slot in live {
            writer.write(count: slot)
            writer.write(groups.starts[slot])
            writer.write(groups.key(slot))
            writer.write(count: keyValues[slot].count)
            for value in keyValues[slot] { writer.write(value) }
            for accumulator in accumulators { accumulator.encodeSlot(slot, into: &writer) }
        }
        writer.write(count: slotsByWindow.count)
        for start in slotsByWindow.keys.sorted() {
            writer.write(start)
            writer.write((slotsByWindow[start] ?? []).map(Int64.init))
        }
        return StateSnapshot.seal(kind: name, writer)
    }

    public func restore(_ bytes: [UInt8]) throws(OperatorError) {
        var reader = try StateSnapshot.open(bytes, kind: name)
        var expected = StateSnapshotWriter()
        writeShape(&expected)
        var shape = StateSnapshotReader(expected.bytes, kind: name)
        for what in ["window duration", "key column count", "aggregation count"] {
            let written = try reader.int64()
            let current = try shape.int64()
            guard written == current else {
                throw reader.corrupt("the snapshot's \(what) is \(written), this operator's is \(current)")
            }
        }
        let capacity = try reader.count()
        let free = try reader.int64s().map(Int.init)
        var index = GroupIndex()
        index.reserveSlots(capacity)
        var values = [[Scalar]](repeating: [], count: capacity)
        for accumulator in accumulators {
            accumulator.removeAll()
            accumulator.ensureCapacity(capacity)
        }
        var live = Set<Int>()
        for _ in 0..<(try reader.count(limit: capacity)) {
            let slot = try reader.count(limit: capacity - 1)
            guard live.insert(slot).inserted, !free.contains(slot) else { throw reader.corrupt("slot \(slot) appears twice") }
            let start = try reader.int64()
            let key = try reader.byteString()
            let keyCount = try reader.count(limit: keyIndices.count)
            var row: [Scalar] = []
            for _ in 0..<keyCount { row.append(try reader.scalar()) }
            values[slot] = row
            for accumulator in accumulators { try accumulator.decodeSlot(slot, from: &reader) }
            key.withUnsafeBufferPointer { index.insert(slot: slot, start: start, key: $0, hash: GroupIndex.hash(start: start, key: $0)) }
        }
        var windows: [Int64: [Int]] = [:]
        for _ in 0..<(try reader.count()) {
            let start = try reader.int64()
            let slots = try reader.int64s().map(Int.init)
            guard slots.allSatisfy(live.contains) else { throw reader.corrupt("window \(start) lists a slot without a group") }
            windows[start] = slots
        }
        guard reader.isAtEnd, free.allSatisfy({ $0 >= 0 && $0 < capacity }) else {
            throw reader.corrupt("unexpected bytes after the state")
        }
        groups = index
        keyValues = values
        freeSlots = free
        liveSlots = live
        slotsByWindow = windows
    }

    private func writeShape(_ writer: inout StateSnapshotWriter) {
        writer.write(window?.duration ?? -1)
        writer.write(count: keyIndices.count)
        writer.write(count: accumulators.count)
    }
}
