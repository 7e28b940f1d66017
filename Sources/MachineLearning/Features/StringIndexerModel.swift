public import Columnar

/// Maps string labels to their indices (as doubles): Spark's fitted `StringIndexerModel`.
///
/// Index `i` is `labels[i]`; the order was fixed at fit time (by frequency, descending, for
/// Spark's default `frequencyDesc`) and is taken as saved. A null or a label not seen at fit
/// time is *invalid*: `handleInvalid = "keep"` maps it to `labels.count` (Spark 4 puts nulls
/// in that extra bucket too), `"skip"` drops the row, `"error"` fails the batch.
///
/// Inputs other than strings are read as Spark's `cast(StringType)` reads them: ints and longs
/// as decimal digits, booleans as `true`/`false`. Several input columns (Spark's
/// `inputCols`/`outputCols`) each get their own labels.
///
/// ```swift
/// let indexer = StringIndexerModel(inputColumns: ["State"], outputColumns: ["State_idx"],
///                                  labels: [["BIHAR", "PUNJAB"]], handleInvalid: .keep)
/// let indexed = try indexer.transform(batch)   // adds State_idx: double
/// ```
public struct StringIndexerModel: Transformer {
    public let uid: String
    public let inputColumns: [String]
    public let outputColumns: [String]
    /// The labels of each input column, in index order.
    public let labels: [[String]]
    public let handleInvalid: HandleInvalid
    private let tables: [LabelTable]

    public init(
        uid: String = "StringIndexer", inputColumns: [String], outputColumns: [String], labels: [[String]],
        handleInvalid: HandleInvalid = .error
    ) {
        precondition(inputColumns.count == outputColumns.count && inputColumns.count == labels.count,
                     "a StringIndexerModel has one output column and one label list per input column")
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.labels = labels
        self.handleInvalid = handleInvalid
        tables = labels.map(LabelTable.init)
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        var outputs: [[Double]] = []
        var keep = [Bool](repeating: true, count: batch.rowCount)
        var dropsRows = false
        for (position, name) in inputColumns.enumerated() {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            let invalidIndex = Double(labels[position].count)
            var indices = [Double](repeating: invalidIndex, count: batch.rowCount)
            var invalid: [Int] = []
            try index(column, name: name, table: tables[position], into: &indices, invalid: &invalid)
            if !invalid.isEmpty {
                switch handleInvalid {
                case .keep:
                    break
                case .skip:
                    dropsRows = true
                    for row in invalid { keep[row] = false }
                case .error:
                    let row = invalid[0]
                    let null = column.isNull(row)
                    throw .invalidValue(
                        stage: uid, column: name, row: row, value: null ? "null" : column.scalar(at: row).description,
                        hint: null ? "StringIndexer met a null; set handleInvalid to keep or skip"
                            : "an unseen label; set handleInvalid to keep or skip")
                }
            }
            outputs.append(indices)
        }
        let fields = outputColumns.map { Field($0, .double, nullable: false) }
        let columns = outputs.map { Column(type: .double, count: $0.count, validity: nil, storage: .float64($0)) }
        let result = batch.replacingOrAppending(fields, columns)
        return dropsRows ? result.filter(keep) : result
    }

    /// Writes the index of every valid row into `indices` and lists the invalid rows.
    private func index(
        _ column: Column, name: String, table: LabelTable, into indices: inout [Double], invalid: inout [Int]
    ) throws(MachineLearningError) {
        switch column.storage {
        case .utf8(let strings):
            strings.bytes.withUnsafeBufferPointer { all in
                for row in 0..<column.count {
                    if column.isNull(row) {
                        invalid.append(row)
                        continue
                    }
                    let range = strings.range(row)
                    if let found = table.index(of: UnsafeBufferPointer(rebasing: all[range])) {
                        indices[row] = Double(found)
                    } else {
                        invalid.append(row)
                    }
                }
            }
        case .int32, .int64, .boolean:
            for row in 0..<column.count {
                if column.isNull(row) {
                    invalid.append(row)
                    continue
                }
                var text = column.scalar(at: row).description
                let found = text.withUTF8 { table.index(of: $0) }
                if let found { indices[row] = Double(found) } else { invalid.append(row) }
            }
        default:
            throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
        }
    }
}
