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
        let classes = classCount
        return try LeafVoting.transform(
            batch, trees: [tree], classCount: classes, featureCount: featureCount, columns: columns, stage: uid
        ) { counts, raw, base in
            for (k, count) in counts.prefix(classes).enumerated() { raw[base + k] = count }
        }
    }
}
