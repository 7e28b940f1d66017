/// A list of values per group slot, for accumulators that keep a group's values (`percentile`,
/// `collect_first`): the slot bookkeeping and the snapshot form (`count i64` then each value)
/// in one place.
struct SlotLists<Element> {
    private(set) var lists: [[Element]] = []

    subscript(slot: Int) -> [Element] {
        get { lists[slot] }
        _modify { yield &lists[slot] }
    }

    /// Makes room for slots `0..<count`.
    mutating func ensureCapacity(_ count: Int) {
        if lists.count < count { lists.append(contentsOf: repeatElement([], count: count - lists.count)) }
    }

    mutating func reset(_ slot: Int) { lists[slot] = [] }

    mutating func removeAll() { lists = [] }

    /// Writes slot `slot` as its count, then each value with `write`.
    func encode(_ slot: Int, into writer: inout StateSnapshotWriter, _ write: (Element, inout StateSnapshotWriter) -> Void) {
        writer.write(count: lists[slot].count)
        for value in lists[slot] { write(value, &writer) }
    }

    /// Reads slot `slot` as ``encode(_:into:_:)`` wrote it, refusing a count above `limit`.
    mutating func decode(
        _ slot: Int, from reader: inout StateSnapshotReader, limit: Int,
        _ read: (inout StateSnapshotReader) throws(OperatorError) -> Element
    ) throws(OperatorError) {
        let count = try reader.count(limit: limit)
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&reader)) }
        lists[slot] = values
    }
}

/// An accumulator whose state is a ``SlotLists``: the slot bookkeeping comes with it.
protocol SlotListAccumulator: Accumulator {
    associatedtype Element
    var values: SlotLists<Element> { get set }
}

extension SlotListAccumulator {
    func ensureCapacity(_ count: Int) { values.ensureCapacity(count) }

    func reset(_ slot: Int) { values.reset(slot) }

    func removeAll() { values.removeAll() }
}
