import Columnar

/// The running state of one aggregate for every group, stored column-wise by group slot.
///
/// A window aggregate assigns each group a slot (an index reused after the group is
/// emitted and evicted); each accumulator keeps one array entry per slot, so updating a
/// batch is a loop over input rows with no per-row allocation.
protocol Accumulator: AnyObject {
    var resultType: DataType { get }
    /// Makes room for slots `0..<count`.
    func ensureCapacity(_ count: Int)
    /// Clears slot `slot` for a new group.
    func reset(_ slot: Int)
    /// Adds `column[rows[i]]` to group `slots[i]` for every `i`.
    func update(_ column: Column, rows: [Int], slots: [Int])
    /// The current results of `slots`, in order.
    func results(_ slots: [Int]) -> Column
    /// Bytes of state per slot, for progress reports.
    var bytesPerSlot: Int { get }
    /// Drops every slot (before a restore).
    func removeAll()
    /// Appends slot `slot`'s state to a snapshot.
    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter)
    /// Sets slot `slot` (already allocated with ``ensureCapacity(_:)``) from a snapshot.
    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError)
}

enum Accumulators {
    static func make(_ function: AggregateFunction, input: DataType) throws(OperatorError) -> any Accumulator {
        switch function {
        case .sum: SumAccumulator(input: input)
        case .count: CountAccumulator(countNulls: false)
        case .countAll: CountAccumulator(countNulls: true)
        case .avg: AverageAccumulator()
        case .min: PickAccumulator(type: input, rule: .min)
        case .max: PickAccumulator(type: input, rule: .max)
        case .first: PickAccumulator(type: input, rule: .first)
        case .last: PickAccumulator(type: input, rule: .last)
        case .approxCountDistinct(let rsd): try ApproxDistinctAccumulator(relativeSD: rsd)
        case .countDistinct: ExactDistinctAccumulator()
        case .percentile(let p): ExactPercentileAccumulator(percentage: p)
        case .percentileApprox(let p, let accuracy): ApproxPercentileAccumulator(percentage: p, accuracy: accuracy, type: input)
        case .collectFirst(let limit): try CollectFirstAccumulator(type: input, limit: limit)
        }
    }
}

/// Reads any numeric column's row as Int64 or Double without a per-row switch on the type.
struct NumericReader {
    let ints: [Int32]
    let longs: [Int64]
    let doubles: [Double]
    let kind: DataType

    init(_ column: Column) {
        kind = column.type
        switch column.storage {
        case .int32(let v): ints = v; longs = []; doubles = []
        case .int64(let v): ints = []; longs = v; doubles = []
        case .float64(let v): ints = []; longs = []; doubles = v
        case .boolean(let v): ints = v.map { $0 ? 1 : 0 }; longs = []; doubles = []
        default: ints = []; longs = []; doubles = []
        }
    }

    @inline(__always) func long(_ row: Int) -> Int64 {
        kind == .int || kind == .boolean ? Int64(ints[row]) : longs[row]
    }

    @inline(__always) func double(_ row: Int) -> Double {
        switch kind {
        case .double: doubles[row]
        case .int, .boolean: Double(ints[row])
        default: Double(longs[row])
        }
    }
}
