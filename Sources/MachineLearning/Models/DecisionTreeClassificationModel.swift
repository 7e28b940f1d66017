public import Columnar

/// Classification by one tree: Spark's `DecisionTreeClassificationModel`.
///
/// `rawPrediction` is the reached leaf's class counts (`impurityStats`), `probability` those
/// counts normalized to sum 1, `prediction` the index of the largest count (the first on ties).
public struct DecisionTreeClassificationModel: Transformer {
    public let uid: String
    public let tree: DecisionTree
    public let classCount: Int
    public let featureCount: Int
    public let columns: ClassifierColumns

    public init(uid: String = "DecisionTreeClassifier", tree: DecisionTree, classCount: Int, featureCount: Int,
                columns: ClassifierColumns = ClassifierColumns()) {
        self.uid = uid
        self.tree = tree
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
                let counts = tree.statistics(tree.leaf(x, base: row * width))
                for (k, count) in counts.prefix(classes).enumerated() { scores.raw[row * classes + k] = count }
            }
        }
        scores.normalizeRawIntoProbability()
        scores.predictArgmaxOfRaw()
        return scores.append(to: batch, columns: columns)
    }
}
