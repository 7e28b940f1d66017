import Columnar
import StreamState

/// `approx_count_distinct`: one HyperLogLog++ sketch per group, hashed exactly as Spark hashes
/// (XXH64, seed 42: UTF-8 bytes of strings, the Int64 of longs and timestamps, the Int32 of ints),
/// so its estimates equal Spark's.
final class ApproxDistinctAccumulator: Accumulator {
    let resultType = DataType.long
    private var sketches: HyperLogLogSketchArray
    var bytesPerSlot: Int { sketches.count == 0 ? 0 : sketches.memoryBytes / sketches.count }

    init(relativeSD: Double) throws(OperatorError) {
        do {
            sketches = try HyperLogLogSketchArray(relativeSD: relativeSD)
        } catch {
            throw .invalidInput(operator: "approx_count_distinct", detail: "\(error)")
        }
    }

    func ensureCapacity(_ count: Int) { sketches.ensureCount(count) }

    func reset(_ slot: Int) { sketches.reset(slot) }

    func removeAll() { sketches.removeAll() }

    /// A tag (0 sparse, 1 dense), then the sparse entries (u32 count, u16 each) or the registers.
    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        switch sketches.contents(slot) {
        case .sparse(let entries):
            writer.write(UInt8(0))
            writer.write(UInt32(entries.count))
            for entry in entries { writer.bytes.append(UInt8(truncatingIfNeeded: entry)); writer.bytes.append(UInt8(entry >> 8)) }
        case .dense(let registers):
            writer.write(UInt8(1))
            writer.write(registers)
        }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        let contents: HyperLogLogSketchArray.SketchContents
        switch try reader.uint8() {
        case 0:
            let count = Int(try reader.uint32())
            guard count <= HyperLogLogSketchArray.sparseCapacity else { throw reader.corrupt("a sparse sketch with \(count) entries") }
            var entries: [UInt16] = []
            for _ in 0..<count { entries.append(UInt16(try reader.uint8()) | UInt16(try reader.uint8()) << 8) }
            contents = .sparse(entries)
        case 1: contents = .dense(try reader.byteString())
        case let tag: throw reader.corrupt("unknown sketch tag \(tag)")
        }
        do {
            try sketches.setContents(slot, contents)
        } catch {
            throw reader.corrupt("\(error)")
        }
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        // A local copy of the sketches keeps the loops free of exclusivity checks.
        var sketches = self.sketches
        self.sketches = HyperLogLogSketchArray.placeholder
        defer { self.sketches = sketches }
        let seed = XXHash64.sparkSeed
        switch column.storage {
        case .utf8(let strings):
            strings.bytes.withUnsafeBufferPointer { all in
                for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                    sketches.add(slot: slot, hash: XXHash64.hashBytes(UnsafeBufferPointer(rebasing: all[strings.range(row)]), seed: seed))
                }
            }
        case .int64(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                sketches.add(slot: slot, hash: XXHash64.hashLong(values[row], seed: seed))
            }
        case .int32(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                sketches.add(slot: slot, hash: XXHash64.hashInt(values[row], seed: seed))
            }
        case .float64(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                sketches.add(slot: slot, hash: XXHash64.hashLong(XXHash64.sparkDoubleBits(values[row]), seed: seed))
            }
        case .boolean(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                sketches.add(slot: slot, hash: XXHash64.hashInt(values[row] ? 1 : 0, seed: seed))
            }
        case .structure, .list:
            preconditionFailure("approx_count_distinct of nested values is rejected when the plan is built")
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(type: .long, count: slots.count, validity: nil, storage: .int64(slots.map { sketches.estimate($0) }))
    }
}

/// `count(DISTINCT col)`: an exact set of the values per group.
final class ExactDistinctAccumulator: Accumulator {
    let resultType = DataType.long
    private var sets: [Set<Scalar>] = []
    var bytesPerSlot: Int { 64 }

    func ensureCapacity(_ count: Int) {
        if sets.count < count { sets.append(contentsOf: repeatElement([], count: count - sets.count)) }
    }

    func reset(_ slot: Int) { sets[slot] = [] }

    func removeAll() { sets = [] }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        writer.write(count: sets[slot].count)
        for value in sets[slot] { writer.write(value) }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        let count = try reader.count(limit: reader.bytes.count)
        var values = Set<Scalar>()
        for _ in 0..<count { values.insert(try reader.scalar()) }
        sets[slot] = values
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            sets[slot].insert(column.scalar(at: row))
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(type: .long, count: slots.count, validity: nil, storage: .int64(slots.map { Int64(sets[$0].count) }))
    }
}
