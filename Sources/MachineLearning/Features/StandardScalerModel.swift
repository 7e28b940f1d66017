public import Columnar

/// Rescales feature vectors: `(x − mean) / std` per feature, each part optional: Spark's
/// fitted `StandardScalerModel`.
///
/// A feature whose deviation is 0 becomes 0 when scaling by deviation (Spark's `1 / std` is
/// replaced by 0 there). The output is a dense vector column; a null vector stays null.
public struct StandardScalerModel: Transformer {
    public let uid: String
    public let inputColumn: String
    public let outputColumn: String
    public let mean: [Double]
    public let std: [Double]
    public let withMean: Bool
    public let withStd: Bool

    public init(uid: String = "StandardScaler", inputColumn: String, outputColumn: String, mean: [Double], std: [Double],
                withMean: Bool, withStd: Bool) {
        precondition(mean.count == std.count, "a StandardScalerModel has one mean and one deviation per feature")
        self.uid = uid
        self.inputColumn = inputColumn
        self.outputColumn = outputColumn
        self.mean = mean
        self.std = std
        self.withMean = withMean
        self.withStd = withStd
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(inputColumn, stage: uid)]
        guard let view = VectorView(column) else {
            throw .unsupportedColumnType(stage: uid, column: inputColumn, type: column.type.description)
        }
        let width = mean.count
        let rows = batch.rowCount
        var values = [Double](repeating: 0, count: rows * width)
        let scale = std.map { $0 == 0 ? 0 : 1 / $0 }
        for row in 0..<rows where !view.isNull(row) {
            guard view.size(row) == width else { throw .featureCountMismatch(stage: uid, expected: width, actual: view.size(row)) }
        }
        values.withUnsafeMutableBufferPointer { target in
            for row in 0..<rows where !view.isNull(row) {
                view.scatter(row, into: target, at: row * width)
                for j in 0..<width {
                    var x = target[row * width + j]
                    if withMean { x -= mean[j] }
                    if withStd { x *= scale[j] }
                    target[row * width + j] = x
                }
            }
        }
        let output = VectorColumn.dense(values, width: width, rowCount: rows, validity: column.validity)
        return batch.replacingOrAppending([Field(outputColumn, VectorColumn.denseType)], [output])
    }
}
