import Columnar
import StreamState

/// `percentile(col, p)`: keeps the group's non-null values and interpolates as Spark does.
final class ExactPercentileAccumulator: SlotListAccumulator {
    let resultType = DataType.double
    let percentage: Double
    var values = SlotLists<Double>()
    var bytesPerSlot: Int { values.lists.isEmpty ? 0 : values.lists.reduce(0) { $0 + $1.count * 8 } / values.lists.count }

    init(percentage: Double) {
        self.percentage = percentage
    }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        values.encode(slot, into: &writer) { value, writer in writer.write(value) }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        let limit = reader.bytes.count / 8
        try values.decode(slot, from: &reader, limit: limit) { reader throws(OperatorError) in try reader.double() }
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        let reader = NumericReader(column)
        for (row, slot) in zip(rows, slots) where !column.isNull(row) { values[slot].append(reader.double(row)) }
    }

    func results(_ slots: [Int]) -> Column {
        Column(.double, slots.map { slot in
            let sorted = values[slot].sorted()
            guard !sorted.isEmpty else { return .null }
            let position = percentage * Double(sorted.count - 1)
            let lower = position.rounded(.down), higher = position.rounded(.up)
            if lower == higher { return .double(sorted[Int(lower)]) }
            return .double((higher - position) * sorted[Int(lower)] + (position - lower) * sorted[Int(higher)])
        })
    }
}

/// `percentile_approx(col, p, accuracy)`: one GK summary per group. The values a batch adds to a
/// group form a partial summary that is merged into the group's state, as Spark merges the
/// partial aggregates of its partitions and batches.
final class ApproxPercentileAccumulator: Accumulator {
    let resultType: DataType
    let percentage: Double
    let relativeError: Double
    private var summaries: [QuantileSummaries] = []
    var bytesPerSlot: Int { 64 }

    init(percentage: Double, accuracy: Int, type: DataType) {
        self.percentage = percentage
        self.relativeError = 1.0 / Double(max(accuracy, 1))
        self.resultType = type
    }

    func ensureCapacity(_ count: Int) {
        if summaries.count < count {
            summaries.append(contentsOf: repeatElement(QuantileSummaries(relativeError: relativeError), count: count - summaries.count))
        }
    }

    func reset(_ slot: Int) { summaries[slot] = QuantileSummaries(relativeError: relativeError) }

    func removeAll() { summaries = [] }

    /// The summary's count, its samples (value, g, delta) and its buffered values.
    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) {
        let summary = summaries[slot]
        writer.write(summary.count)
        writer.write(count: summary.samples.count)
        for sample in summary.samples {
            writer.write(sample.value)
            writer.write(sample.g)
            writer.write(sample.delta)
        }
        writer.write(count: summary.bufferedValues.count)
        for value in summary.bufferedValues { writer.write(value) }
    }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        let count = try reader.int64()
        var samples: [QuantileSummaries.Sample] = []
        for _ in 0..<(try reader.count(limit: reader.bytes.count / 24)) {
            samples.append(QuantileSummaries.Sample(value: try reader.double(), g: try reader.int64(), delta: try reader.int64()))
        }
        var buffered: [Double] = []
        for _ in 0..<(try reader.count(limit: reader.bytes.count / 8)) { buffered.append(try reader.double()) }
        summaries[slot] = QuantileSummaries(relativeError: relativeError, samples: samples, count: count, bufferedValues: buffered)
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        let reader = NumericReader(column)
        var partials: [Int: QuantileSummaries] = [:]
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            partials[slot, default: QuantileSummaries(relativeError: relativeError)].insert(reader.double(row))
        }
        for (slot, partial) in partials { summaries[slot].merge(partial) }
    }

    func results(_ slots: [Int]) -> Column {
        Column(resultType, slots.map { slot in
            guard let value = summaries[slot].query(percentage) else { return .null }
            switch resultType {
            case .int: return .int(Int32(truncatingIfNeeded: Int64(value)))
            case .long: return .long(Int64(value))
            default: return .double(value)
            }
        })
    }
}
