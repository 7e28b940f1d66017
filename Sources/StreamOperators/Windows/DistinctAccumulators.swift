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

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            sets[slot].insert(column.scalar(at: row))
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(type: .long, count: slots.count, validity: nil, storage: .int64(slots.map { Int64(sets[$0].count) }))
    }
}
