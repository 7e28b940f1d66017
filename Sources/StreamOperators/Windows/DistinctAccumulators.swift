import Columnar
import StreamState

/// `approx_count_distinct`: one HyperLogLog++ sketch per group, hashed exactly as Spark hashes
/// (XXH64, seed 42: UTF-8 bytes of strings, the Int64 of longs and timestamps, the Int32 of ints),
/// so its estimates equal Spark's.
final class ApproxDistinctAccumulator: Accumulator {
    let resultType = DataType.long
    let relativeSD: Double
    private var sketches: [HyperLogLogPlusPlus] = []
    private let empty: HyperLogLogPlusPlus
    var bytesPerSlot: Int { empty.registerCount }

    init(relativeSD: Double) throws(OperatorError) {
        self.relativeSD = relativeSD
        do {
            empty = try HyperLogLogPlusPlus(relativeSD: relativeSD)
        } catch {
            throw .invalidInput(operator: "approx_count_distinct", detail: "\(error)")
        }
    }

    func ensureCapacity(_ count: Int) {
        if sketches.count < count { sketches.append(contentsOf: repeatElement(empty, count: count - sketches.count)) }
    }

    func reset(_ slot: Int) { sketches[slot] = empty }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        switch column.storage {
        case .utf8(let strings):
            strings.bytes.withUnsafeBufferPointer { all in
                for (row, slot) in zip(rows, slots) where !column.isNull(row) {
                    sketches[slot].add(utf8: UnsafeBufferPointer(rebasing: all[strings.range(row)]))
                }
            }
        case .int64(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) { sketches[slot].add(long: values[row]) }
        case .int32(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) { sketches[slot].add(int: values[row]) }
        case .float64(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) { sketches[slot].add(double: values[row]) }
        case .boolean(let values):
            for (row, slot) in zip(rows, slots) where !column.isNull(row) { sketches[slot].add(int: values[row] ? 1 : 0) }
        case .structure, .list:
            preconditionFailure("approx_count_distinct of nested values is rejected when the plan is built")
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(type: .long, count: slots.count, validity: nil, storage: .int64(slots.map { sketches[$0].estimate() }))
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
