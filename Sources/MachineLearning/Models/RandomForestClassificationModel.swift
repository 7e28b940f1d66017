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
        let classes = classCount
        return try LeafVoting.transform(
            batch, trees: trees, classCount: classes, featureCount: featureCount, columns: columns, stage: uid
        ) { counts, raw, base in
            let total = counts.reduce(0, +)
            guard total != 0 else { return }
            for (k, count) in counts.prefix(classes).enumerated() { raw[base + k] += count / total }
        }
    }
}
