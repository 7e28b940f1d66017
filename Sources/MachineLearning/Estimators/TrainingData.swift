import Columnar

/// The features and labels an estimator learns from, read once from a training batch.
struct TrainingData {
    let features: FeatureMatrix
    let labels: [Double]

    /// The vectors of `featuresColumn` (all of one length, none null) and, when `labelColumn`
    /// is given, its values as doubles (none null or NaN).
    init(_ batch: RecordBatch, featuresColumn: String, labelColumn: String?, stage: String) throws(MachineLearningError) {
        let column = batch.columns[try batch.columnIndex(featuresColumn, stage: stage)]
        guard let view = VectorView(column) else {
            throw .unsupportedColumnType(stage: stage, column: featuresColumn, type: column.type.description)
        }
        guard batch.rowCount > 0 else { throw .cannotFit(stage: stage, detail: "the training batch has no rows") }
        let width = view.isNull(0) ? 0 : view.size(0)
        features = try FeatureMatrix(column, width: width, stage: stage, columnName: featuresColumn)
        guard let labelColumn else {
            labels = []
            return
        }
        let labelValues = batch.columns[try batch.columnIndex(labelColumn, stage: stage)]
        guard let values = labelValues.doublesCast else {
            throw .unsupportedColumnType(stage: stage, column: labelColumn, type: labelValues.type.description)
        }
        for row in values.indices where labelValues.isNull(row) || values[row].isNaN {
            throw .invalidValue(stage: stage, column: labelColumn, row: row, value: labelValues.isNull(row) ? "null" : "NaN",
                                hint: "every training row needs a label; filter the rows without one")
        }
        labels = values
    }

    /// Checks that every label is 0 or 1.
    func requireBinaryLabels(stage: String, column: String) throws(MachineLearningError) {
        for (row, label) in labels.enumerated() where label != 0 && label != 1 {
            throw .invalidValue(stage: stage, column: column, row: row, value: String(label),
                                hint: "binary classification needs labels 0 and 1")
        }
    }
}
