import Columnar

/// `min`, `max`, `first` and `last`: keeps one chosen value per group.
///
/// Values are held as ``Scalar``s, which is simple and fine for these rarely hot aggregates;
/// ordering follows Spark (numbers numerically, strings by UTF-8 bytes, NaN above all).
final class PickAccumulator: Accumulator {
    enum Rule { case min, max, first, last }

    let resultType: DataType
    let rule: Rule
    private var values: [Scalar] = []
    var bytesPerSlot: Int { 24 }

    init(type: DataType, rule: Rule) {
        self.resultType = type
        self.rule = rule
    }

    func ensureCapacity(_ count: Int) {
        if values.count < count { values.append(contentsOf: repeatElement(.null, count: count - values.count)) }
    }

    func reset(_ slot: Int) { values[slot] = .null }

    func removeAll() { values = [] }

    func encodeSlot(_ slot: Int, into writer: inout StateSnapshotWriter) { writer.write(values[slot]) }

    func decodeSlot(_ slot: Int, from reader: inout StateSnapshotReader) throws(OperatorError) {
        values[slot] = try reader.scalar()
    }

    func update(_ column: Column, rows: [Int], slots: [Int]) {
        for (row, slot) in zip(rows, slots) where !column.isNull(row) {
            let value = column.scalar(at: row)
            let current = values[slot]
            switch rule {
            case .first: if current.isNull { values[slot] = value }
            case .last: values[slot] = value
            case .min: if current.isNull || Self.less(value, current) { values[slot] = value }
            case .max: if current.isNull || Self.less(current, value) { values[slot] = value }
            }
        }
    }

    func results(_ slots: [Int]) -> Column {
        Column(resultType, slots.map { values[$0] })
    }

    static func less(_ a: Scalar, _ b: Scalar) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): x < y
        case (.long(let x), .long(let y)), (.timestamp(let x), .timestamp(let y)): x < y
        case (.double(let x), .double(let y)): !x.isNaN && (y.isNaN || x < y)
        case (.string(let x), .string(let y)): Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        case (.boolean(let x), .boolean(let y)): !x && y
        default: false
        }
    }
}
