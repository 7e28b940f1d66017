import Columnar

/// `sum`: wrapping 64-bit integer sum for integral input, double sum otherwise; null until a value arrives.
final class SumAccumulator: Accumulator {
    let resultType: DataType
    private var longs: [Int64] = []
    private var doubles: [Double] = []
    private var seen: [Bool] = []
    var bytesPerSlot: Int { 9 }

    init(input: DataType) {
        resultType = input == .double ? .double : .long
    }

    func ensureCapacity(_ count: Int) {
        if seen.count < count {
            let extra = count - seen.count
            seen.append(contentsOf: repeatElement(false, count: extra))
            if resultType == .double {
                doubles.append(contentsOf: repeatElement(0, count: extra))
            } else {
                longs.append(contentsOf: repeatElement(0, count: extra))
            }
        }
    }

    func reset(_ slot: Int) {
        seen[slot] = false
        if resultType == .double { doubles[slot] = 0 } else { longs[slot] = 0 }
    }

    func removeAll() {
        longs = []
        doubles = []
        seen = []
    }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        writer.write(seen[slot])
        if resultType == .double { writer.write(doubles[slot]) } else { writer.write(longs[slot]) }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        seen[slot] = try reader.bool()
        if resultType == .double { doubles[slot] = try reader.double() } else { longs[slot] = try reader.int64() }
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        let reader = NumericReader(column)
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            seen[slot] = true
            if resultType == .double {
                doubles[slot] += reader.double(row)
            } else {
                longs[slot] &+= reader.long(row)
            }
        }
    }

    func results(_ slots: [Int]) -> Column {
        var builder = ColumnBuilder(type: resultType, capacity: slots.count)
        for slot in slots {
            if !seen[slot] {
                builder.appendNull()
            } else if resultType == .double {
                builder.append(doubles[slot])
            } else {
                builder.append(longs[slot])
            }
        }
        return builder.finish()
    }
}

/// `count(col)` (non-null values) or `count(*)` (rows).
final class CountAccumulator: Accumulator {
    let resultType = DataType.long
    let countNulls: Bool
    private var counts: [Int64] = []
    var bytesPerSlot: Int { 8 }

    init(countNulls: Bool) {
        self.countNulls = countNulls
    }

    func ensureCapacity(_ count: Int) {
        if counts.count < count { counts.append(contentsOf: repeatElement(0, count: count - counts.count)) }
    }

    func reset(_ slot: Int) { counts[slot] = 0 }

    func removeAll() { counts = [] }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) { writer.write(counts[slot]) }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        counts[slot] = try reader.int64()
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        for (row, slot) in zip(rows, slots) where countNulls || !column.isNull(row) {
            counts[slot] += 1
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(type: .long, count: slots.count, validity: nil, storage: .int64(slots.map { counts[$0] }))
    }
}

/// `avg`: a double sum and a count; null when the group had no values.
final class AverageAccumulator: Accumulator {
    let resultType = DataType.double
    private var sums: [Double] = []
    private var counts: [Int64] = []
    var bytesPerSlot: Int { 16 }

    func ensureCapacity(_ count: Int) {
        if counts.count < count {
            sums.append(contentsOf: repeatElement(0, count: count - counts.count))
            counts.append(contentsOf: repeatElement(0, count: count - counts.count))
        }
    }

    func reset(_ slot: Int) {
        sums[slot] = 0
        counts[slot] = 0
    }

    func removeAll() {
        sums = []
        counts = []
    }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        writer.write(sums[slot])
        writer.write(counts[slot])
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        sums[slot] = try reader.double()
        counts[slot] = try reader.int64()
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        let reader = NumericReader(column)
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            sums[slot] += reader.double(row)
            counts[slot] += 1
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(.double, slots.map { counts[$0] == 0 ? .null : .double(sums[$0] / Double(counts[$0])) })
    }
}
