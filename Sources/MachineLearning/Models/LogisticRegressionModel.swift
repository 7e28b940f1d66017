public import Columnar
import Foundation

/// Linear classification by the logistic function: Spark's `LogisticRegressionModel`.
///
/// **Binomial** (one coefficient row): the margin is `m = β·x + b`;
/// `rawPrediction = [-m, m]`, `probability = [p0, 1 - p0]` with `p0 = 1 / (1 + exp(m))`, and
/// `prediction = 1` when `m > log(t / (1 - t))` for the threshold `t` (0.5 by default, so `m > 0`).
///
/// **Multinomial** (one row per class): `rawPrediction[k] = β_k·x + b_k`, `probability` its
/// softmax (after subtracting the largest margin when it is positive, then scaled by 1 / sum, as Spark does), `prediction` the argmax of the raw
/// margins.
public struct LogisticRegressionModel: Transformer {
    public let uid: String
    /// Coefficients, one row per class (one row for a binomial model), `featureCount` each.
    public let coefficients: [[Double]]
    public let intercepts: [Double]
    public let isMultinomial: Bool
    /// The binomial decision threshold on the probability of class 1.
    public let threshold: Double
    public let columns: ClassifierColumns

    public init(uid: String = "LogisticRegression", coefficients: [[Double]], intercepts: [Double], isMultinomial: Bool,
                threshold: Double = 0.5, columns: ClassifierColumns = ClassifierColumns()) {
        precondition(coefficients.count == intercepts.count && !coefficients.isEmpty,
                     "a logistic regression model has one intercept per coefficient row")
        self.uid = uid
        self.coefficients = coefficients
        self.intercepts = intercepts
        self.isMultinomial = isMultinomial
        self.threshold = threshold
        self.columns = columns
    }

    /// The length of the feature vectors the model expects.
    public var featureCount: Int { coefficients[0].count }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(columns.features, stage: uid)]
        let features = try FeatureMatrix(column, width: featureCount, stage: uid, columnName: columns.features)
        let width = featureCount
        let rowCount = batch.rowCount
        if !isMultinomial {
            var scores = ClassifierScores(rowCount: rowCount, classes: 2)
            let rawThreshold = threshold == 0 ? -Double.infinity : threshold == 1 ? Double.infinity : log(threshold / (1 - threshold))
            let beta = coefficients[0]
            for row in 0..<rowCount {
                var dot = 0.0
                for j in 0..<width { dot += features.values[row * width + j] * beta[j] }
                let m = dot + intercepts[0]
                scores.raw[2 * row] = -m
                scores.raw[2 * row + 1] = m
                let p0 = 1.0 / (1.0 + exp(m))
                scores.probability[2 * row] = p0
                scores.probability[2 * row + 1] = 1.0 - p0
                scores.prediction[row] = m > rawThreshold ? 1 : 0
            }
            return scores.append(to: batch, columns: columns)
        }
        let classes = coefficients.count
        var scores = ClassifierScores(rowCount: rowCount, classes: classes)
        for row in 0..<rowCount {
            var largest = -Double.infinity
            for k in 0..<classes {
                var dot = 0.0
                for j in 0..<width { dot += features.values[row * width + j] * coefficients[k][j] }
                let margin = dot + intercepts[k]
                scores.raw[row * classes + k] = margin
                largest = max(largest, margin)
            }
            var sum = 0.0
            for k in 0..<classes {
                let e = exp(scores.raw[row * classes + k] - (largest > 0 ? largest : 0))
                scores.probability[row * classes + k] = e
                sum += e
            }
            let scale = 1 / sum
            for k in 0..<classes { scores.probability[row * classes + k] *= scale }
        }
        scores.predictArgmaxOfRaw()
        return scores.append(to: batch, columns: columns)
    }
}
