import Columnar

/// The scaffolding Spark's tree classifiers share: find each row's leaf in every tree, let the
/// model turn the leaf's class counts (`impurityStats`) into its vote, then derive `probability`
/// (raw normalized to sum 1) and `prediction` (index of the largest raw value, the first on ties).
///
/// Only the vote differs between models: one tree copies its leaf's counts; a random forest adds
/// each leaf's counts divided by their total.
enum LeafVoting {
    /// Scores `batch`'s feature column with `trees`; `vote` adds one leaf's counts to the row's raw scores.
    static func transform(
        _ batch: RecordBatch, trees: [DecisionTree], classCount: Int, featureCount: Int, columns: ClassifierColumns,
        stage: String, vote: (_ counts: ArraySlice<Double>, _ raw: inout [Double], _ base: Int) -> Void
    ) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(columns.features, stage: stage)]
        let features = try FeatureMatrix(column, width: featureCount, stage: stage, columnName: columns.features)
        var scores = ClassifierScores(rowCount: batch.rowCount, classes: classCount)
        let width = features.width
        features.values.withUnsafeBufferPointer { x in
            for row in 0..<features.rowCount {
                for tree in trees {
                    vote(tree.statistics(tree.leaf(x, base: row * width)), &scores.raw, row * classCount)
                }
            }
        }
        scores.normalizeRawIntoProbability()
        scores.predictArgmaxOfRaw()
        return scores.append(to: batch, columns: columns)
    }
}
