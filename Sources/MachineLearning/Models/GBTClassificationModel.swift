public import Columnar
import Foundation

/// Binary classification by gradient-boosted trees: Spark's `GBTClassificationModel`.
///
/// The margin of a row is the weighted sum of its trees' leaf predictions,
/// `m = Σ weight[t] · tree[t](x)`. Spark's logistic loss makes the outputs
/// - `rawPrediction = [-m, m]`,
/// - `probability = [p0, 1 - p0]` with `p0 = 1 / (1 + exp(-2 · (-m)))` (`LogLoss.computeProbability`
///   applied to the first raw element),
/// - `prediction = argmax(rawPrediction)`: 1 when `m > 0`.
///
/// Trees are Spark's regression trees, with continuous and categorical splits (see
/// ``DecisionTree``).
public struct GBTClassificationModel: Transformer {
    public let uid: String
    public let trees: [DecisionTree]
    public let treeWeights: [Double]
    /// The length of the feature vectors the model was trained on.
    public let featureCount: Int
    public let columns: ClassifierColumns

    public init(uid: String = "GBTClassifier", trees: [DecisionTree], treeWeights: [Double], featureCount: Int,
                columns: ClassifierColumns = ClassifierColumns()) {
        precondition(trees.count == treeWeights.count, "a GBT model has one weight per tree")
        self.uid = uid
        self.trees = trees
        self.treeWeights = treeWeights
        self.featureCount = featureCount
        self.columns = columns
    }

    /// The margin `m` of every row of a feature matrix.
    func margins(_ features: FeatureMatrix) -> [Double] {
        var margins = [Double](repeating: 0, count: features.rowCount)
        let width = features.width
        features.values.withUnsafeBufferPointer { x in
            for row in 0..<features.rowCount {
                var sum = 0.0
                for (tree, weight) in zip(trees, treeWeights) {
                    sum += weight * tree.prediction[tree.leaf(x, base: row * width)]
                }
                margins[row] = sum
            }
        }
        return margins
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(columns.features, stage: uid)]
        let features = try FeatureMatrix(column, width: featureCount, stage: uid, columnName: columns.features)
        let margins = margins(features)
        var scores = ClassifierScores(rowCount: batch.rowCount, classes: 2)
        for (row, m) in margins.enumerated() {
            scores.raw[2 * row] = -m
            scores.raw[2 * row + 1] = m
            let p0 = 1.0 / (1.0 + exp(-2.0 * -m))
            scores.probability[2 * row] = p0
            scores.probability[2 * row + 1] = 1.0 - p0
        }
        scores.predictArgmaxOfRaw()
        return scores.append(to: batch, columns: columns)
    }
}
