import Columnar

/// `collect_first(limit)`: the first `limit` non-null values of each group, in arrival order.
///
/// A bounded `collect_list`: once a group holds `limit` values, later rows cost one comparison.
/// Values are ``Scalar``s, as in ``PickAccumulator``; the aggregate serves lineage (a window's
/// source positions), which is opt-in, so it is never on Spark's hot path.
final class CollectFirstAccumulator: SlotListAccumulator {
    let resultType: DataType
    let limit: Int
    var values = SlotLists<Scalar>()
    var bytesPerSlot: Int { 24 + limit * 48 }

    init(type: DataType, limit: Int) throws(OperatorError) {
        guard limit > 0 else {
            throw .invalidInput(operator: "collect_first", detail: "the limit must be at least 1, got \(limit)")
        }
        resultType = .array(type)
        self.limit = limit
    }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        values.encode(slot, into: &writer) { value, writer in writer.write(value) }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        try values.decode(slot, from: &reader, limit: limit) { reader throws(OperatorError) in try reader.scalar() }
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        for (row, slot) in zip(rows, slots) where values[slot].count < limit && !column.isNull(row) {
            values[slot].append(column.scalar(at: row))
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(resultType, slots.map { .array(values[$0]) })
    }
}
