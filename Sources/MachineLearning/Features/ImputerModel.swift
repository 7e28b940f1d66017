public import Columnar

/// Replaces missing values by a per-column surrogate (the training data's mean, median or
/// mode): Spark's fitted `ImputerModel`.
///
/// A value is missing when it is null or equal to ``missingValue`` (NaN by default; as in
/// Spark SQL, NaN equals NaN). Spark computes
/// `when(isnull(c), s).when(c === missingValue, s).otherwise(c).cast(inputType)` on the input
/// cast to double, so the output keeps the input's type: an `int` column gets its surrogate
/// truncated (`36.5` becomes `36`).
public struct ImputerModel: Transformer {
    public let uid: String
    public let inputColumns: [String]
    public let outputColumns: [String]
    /// One surrogate per input column.
    public let surrogates: [Double]
    public let missingValue: Double

    public init(uid: String = "Imputer", inputColumns: [String], outputColumns: [String], surrogates: [Double],
                missingValue: Double = .nan) {
        precondition(inputColumns.count == outputColumns.count && inputColumns.count == surrogates.count,
                     "an ImputerModel has one output column and one surrogate per input column")
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.surrogates = surrogates
        self.missingValue = missingValue
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [Column] = []
        let missingIsNaN = missingValue.isNaN
        for (position, name) in inputColumns.enumerated() {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            guard var values = column.doublesCast else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
            let surrogate = surrogates[position]
            for row in values.indices {
                let value = values[row]
                if column.isNull(row) || (missingIsNaN ? value.isNaN : value == missingValue) {
                    values[row] = surrogate
                }
            }
            let outputType: DataType = column.type == .boolean ? .double : column.type
            guard let output = Column.fromDoubles(values, as: outputType, validity: nil) else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
            fields.append(Field(outputColumns[position], outputType, nullable: false))
            columns.append(output)
        }
        return batch.replacingOrAppending(fields, columns)
    }
}
