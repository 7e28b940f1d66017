public import Columnar

/// Classification by a forest of trees voting with their leaves' class frequencies: Spark's
/// `RandomForestClassificationModel`.
///
/// For each tree, the leaf's class counts (`impurityStats`) are divided by their total and
/// added up: that sum is `rawPrediction`; `probability` is it normalized to sum 1;
/// `prediction` is the index of the largest raw value (the first on ties). Tree weights are
/// all 1 in Spark and are ignored, as Spark ignores them.
public struct RandomForestClassificationModel: Transformer {
    public let uid: String
    public let trees: [DecisionTree]
    public let classCount: Int
    public let featureCount: Int
    public let columns: ClassifierColumns

    public init(uid: String = "RandomForestClassifier", trees: [DecisionTree], classCount: Int, featureCount: Int,
                columns: ClassifierColumns = ClassifierColumns()) {
        self.uid = uid
        self.trees = trees
        self.classCount = classCount
        self.featureCount = featureCount
        self.columns = columns
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(columns.features, stage: uid)]
        let features = try FeatureMatrix(column, width: featureCount, stage: uid, columnName: columns.features)
        var scores = ClassifierScores(rowCount: batch.rowCount, classes: classCount)
        let width = features.width
        let classes = classCount
        features.values.withUnsafeBufferPointer { x in
            for row in 0..<features.rowCount {
                for tree in trees {
                    let counts = tree.statistics(tree.leaf(x, base: row * width))
                    let total = counts.reduce(0, +)
                    guard total != 0 else { continue }
                    for (k, count) in counts.prefix(classes).enumerated() { scores.raw[row * classes + k] += count / total }
                }
            }
        }
        scores.normalizeRawIntoProbability()
        scores.predictArgmaxOfRaw()
        return scores.append(to: batch, columns: columns)
    }
}
