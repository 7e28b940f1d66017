public import Columnar

/// The rows in flight at one exchange of a partitioned plan, shared by that exchange's operator
/// in every partition's tree.
///
/// Each partition's ``ShuffleExchangeOperator`` deposits its input split by key hash into its own
/// slot (``deposit(from:_:)``); once every partition has deposited, each one gathers the blocks
/// addressed to it (``gather(for:schema:)``). Producers write only their own slot object and the
/// runner orders the two phases (all deposits finish before any gather starts), so the exchange
/// needs no lock: Spark's shuffle, in memory.
public final class ShuffleExchange: @unchecked Sendable {
    /// How many partitions send and receive.
    public let count: Int
    private let slots: [Slot]

    private final class Slot {
        var blocks: [RecordBatch] = []
    }

    public init(count: Int) {
        precondition(count >= 1, "an exchange needs at least one partition")
        self.count = count
        slots = (0..<count).map { _ in Slot() }
    }

    /// Partition `producer`'s rows, one batch per receiving partition.
    func deposit(from producer: Int, _ blocks: [RecordBatch]) {
        precondition(blocks.count == count, "\(blocks.count) blocks for \(count) partitions")
        slots[producer].blocks = blocks
    }

    /// The rows every partition sent to `consumer`, in producer order; the blocks are released.
    func gather(for consumer: Int, schema: Schema) -> RecordBatch {
        var received: [RecordBatch] = []
        received.reserveCapacity(count)
        for slot in slots where consumer < slot.blocks.count { received.append(slot.blocks[consumer]) }
        return RecordBatch.concatenate(received, schema: schema)
    }

    /// Drops every deposited block (after the batch, so no rows outlive it).
    func clear() {
        for slot in slots { slot.blocks = [] }
    }
}
