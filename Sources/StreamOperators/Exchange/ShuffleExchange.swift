public import Columnar

/// The rows in flight at one exchange of a partitioned plan, shared by that exchange's operator
/// in every partition's tree.
///
/// Each partition's ``ShuffleExchangeOperator`` deposits its input and which rows go to which
/// partition into its own slot (``deposit(from:_:rows:)``); once every partition has deposited,
/// each one gathers the rows addressed to it from all deposits in one copy
/// (``gather(for:schema:)``). Producers write only their own slot object and the runner orders
/// the two phases (all deposits finish before any gather starts), so the exchange needs no
/// lock: Spark's shuffle, in memory.
public final class ShuffleExchange: @unchecked Sendable {
    /// How many partitions send and receive.
    public let count: Int
    private let slots: [Slot]

    private final class Slot {
        var batch: RecordBatch?
        /// `rows[p]`: the rows of `batch` that go to partition p, in order.
        var rows: [[Int]] = []
    }

    public init(count: Int) {
        precondition(count >= 1, "an exchange needs at least one partition")
        self.count = count
        slots = (0..<count).map { _ in Slot() }
    }

    /// Partition `producer`'s rows, with the rows each receiving partition gets.
    func deposit(from producer: Int, _ batch: RecordBatch, rows: [[Int]]) {
        precondition(rows.count == count, "\(rows.count) row lists for \(count) partitions")
        slots[producer].batch = batch
        slots[producer].rows = rows
    }

    /// The rows every partition sent to `consumer`, in producer order, copied once.
    func gather(for consumer: Int, schema: Schema) -> RecordBatch {
        let senders = slots.filter { $0.batch != nil && !$0.rows[consumer].isEmpty }
        if senders.isEmpty { return .empty(schema) }
        if senders.count == 1, let batch = senders[0].batch, senders[0].rows[consumer].count == batch.rowCount { return batch }
        var refs: [SourceRow] = []
        refs.reserveCapacity(senders.reduce(0) { $0 + $1.rows[consumer].count })
        for (source, sender) in senders.enumerated() {
            for row in sender.rows[consumer] { refs.append(SourceRow(source: source, row: row)) }
        }
        let batches = senders.compactMap(\.batch)
        let columns = schema.fields.indices.map { field in
            Column.gather(batches.map { $0.columns[field] }, refs, type: schema.fields[field].type)
        }
        return RecordBatch(trusted: schema, columns: columns, rowCount: refs.count)
    }

    /// Drops every deposit (after the batch, so no rows outlive it).
    func clear() {
        for slot in slots {
            slot.batch = nil
            slot.rows = []
        }
    }
}
