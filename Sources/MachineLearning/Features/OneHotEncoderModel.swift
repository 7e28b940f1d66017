public import Columnar

/// Turns category indices into one-hot sparse vectors: Spark's fitted `OneHotEncoderModel`.
///
/// Input column `j` holds indices `0 ..< categorySizes[j]` (as doubles, usually from a
/// ``StringIndexerModel``). An index outside that range is invalid: `handleInvalid = "keep"`
/// gives it the extra category `categorySizes[j]`, `"error"` fails the batch. The vector length
/// follows Spark:
///
/// | dropLast | keep | length | the dropped category |
/// |---|---|---|---|
/// | true | no | size − 1 | the last one: an all-zero vector |
/// | true | yes | size | the invalid one |
/// | false | no | size | none |
/// | false | yes | size + 1 | none |
///
/// Non-integral indices are truncated, as Spark's `idx.toInt`. A null index gives a null vector.
public struct OneHotEncoderModel: Transformer {
    public let uid: String
    public let inputColumns: [String]
    public let outputColumns: [String]
    /// The number of categories of each input, as seen at fit time.
    public let categorySizes: [Int]
    public let dropLast: Bool
    /// `.error` or `.keep` (Spark refuses `skip` for this stage).
    public let handleInvalid: HandleInvalid

    public init(uid: String = "OneHotEncoder", inputColumns: [String], outputColumns: [String], categorySizes: [Int],
                dropLast: Bool = true, handleInvalid: HandleInvalid = .error) {
        precondition(inputColumns.count == outputColumns.count && inputColumns.count == categorySizes.count,
                     "a OneHotEncoderModel has one output column and one category size per input column")
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.categorySizes = categorySizes
        self.dropLast = dropLast
        self.handleInvalid = handleInvalid
    }

    /// The length of the vectors written for input `position`.
    public func vectorSize(_ position: Int) -> Int {
        let size = categorySizes[position]
        switch (dropLast, handleInvalid == .keep) {
        case (true, false): return size - 1
        case (false, true): return size + 1
        default: return size
        }
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [Column] = []
        let keepInvalid = handleInvalid == .keep
        for (position, name) in inputColumns.enumerated() {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            guard let values = column.doublesCast, column.type != .boolean else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
            let categories = Double(categorySizes[position])
            let size = vectorSize(position)
            var active = [Int32?](repeating: nil, count: values.count)
            for row in values.indices where !column.isNull(row) {
                let label = values[row]
                let index: Int
                if label >= 0, label < categories {
                    index = Int(label)
                } else if keepInvalid {
                    index = categorySizes[position]
                } else {
                    throw .invalidValue(stage: uid, column: name, row: row, value: String(label),
                                        hint: "not a category index in 0..<\(categorySizes[position]); set handleInvalid to keep")
                }
                if index < size { active[row] = Int32(index) }
            }
            fields.append(Field(outputColumns[position], VectorColumn.sparseType))
            columns.append(VectorColumn.oneHot(active: active, size: size, validity: column.validity))
        }
        return batch.replacingOrAppending(fields, columns)
    }
}
