public import Columnar

/// Learns how many categories each index column has and encodes indices as one-hot vectors:
/// Spark's `OneHotEncoder`.
///
/// The number of categories of an input is, as in Spark, taken from what is known about the
/// column (``knownCategoryCounts``, which ``Pipeline`` fills in from a preceding
/// ``StringIndexer``: its label count, plus one with `handleInvalid = keep`), else from the
/// data: the largest index plus one. Indices must be non-negative integers.
public struct OneHotEncoder: Estimator {
    public let uid: String
    public var inputColumns: [String]
    public var outputColumns: [String]
    public var dropLast: Bool
    /// `.error` or `.keep` (Spark refuses `skip` for this stage).
    public var handleInvalid: HandleInvalid
    /// Category counts of input columns known before fitting, by column name.
    public var knownCategoryCounts: [String: Int]

    public init(uid: String = "OneHotEncoder", inputColumns: [String], outputColumns: [String], dropLast: Bool = true,
                handleInvalid: HandleInvalid = .error, knownCategoryCounts: [String: Int] = [:]) {
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.dropLast = dropLast
        self.handleInvalid = handleInvalid
        self.knownCategoryCounts = knownCategoryCounts
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        guard inputColumns.count == outputColumns.count, !inputColumns.isEmpty else {
            throw .invalidParameter(stage: uid, detail: "\(inputColumns.count) input columns for \(outputColumns.count) output columns")
        }
        guard handleInvalid != .skip else {
            throw .invalidParameter(stage: uid, detail: "handleInvalid must be error or keep (Spark refuses skip here)")
        }
        var sizes: [Int] = []
        for name in inputColumns {
            if let known = knownCategoryCounts[name] ?? knownCategoryCounts.first(where: { $0.key.lowercased() == name.lowercased() })?.value {
                sizes.append(known)
                continue
            }
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            guard let values = column.doublesCast, column.type != .boolean else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
            var largest = -1.0
            for row in values.indices where !column.isNull(row) {
                let value = values[row]
                guard value >= 0, value == value.rounded(.towardZero), value < Double(Int32.max) else {
                    throw .invalidValue(stage: uid, column: name, row: row, value: String(value),
                                        hint: "one-hot encoding needs non-negative integer category indices")
                }
                largest = max(largest, value)
            }
            guard largest >= 0 else { throw .cannotFit(stage: uid, detail: "column '\(name)' has no category index") }
            sizes.append(Int(largest) + 1)
        }
        return OneHotEncoderModel(uid: uid, inputColumns: inputColumns, outputColumns: outputColumns, categorySizes: sizes,
                                  dropLast: dropLast, handleInvalid: handleInvalid)
    }
}
