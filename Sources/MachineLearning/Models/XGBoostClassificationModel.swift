public import Columnar
import Foundation
public import XGBoost

/// Binary classification by an XGBoost `binary:logistic` booster, with Spark's output
/// columns.
///
/// For a row with XGBoost margin `m` (the log-odds of class 1):
/// - `rawPrediction = [-m, m]` (as xgboost4j-spark writes it),
/// - `probability = [1 − p, p]` with `p = 1 / (1 + e^(−m))`,
/// - `prediction = 1` when `m > 0` (`p > 0.5`), else 0.
///
/// NaN features are missing values and follow each split's learned default direction. The
/// booster is shared, so one model scores any number of batches from any task (calls into
/// XGBoost take turns; see ``Booster``).
public struct XGBoostClassificationModel: Transformer {
    public let uid: String
    public let booster: Booster
    public let columns: ClassifierColumns

    public init(uid: String = "GBTClassifier", booster: Booster, columns: ClassifierColumns = ClassifierColumns()) {
        self.uid = uid
        self.booster = booster
        self.columns = columns
    }

    /// The length of the feature vectors the model expects.
    public var featureCount: Int { booster.featureCount }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let column = batch.columns[try batch.columnIndex(columns.features, stage: uid)]
        let features = try FeatureMatrix(column, width: featureCount, stage: uid, columnName: columns.features)
        let margins: [Double]
        do {
            margins = try booster.predict(features.values, rows: features.rowCount, columns: features.width, output: .margin)
        } catch {
            throw .xgboost(stage: uid, error)
        }
        var scores = ClassifierScores(rowCount: batch.rowCount, classes: 2)
        for (row, m) in margins.enumerated() {
            scores.raw[2 * row] = -m
            scores.raw[2 * row + 1] = m
            let p = 1 / (1 + exp(-m))
            scores.probability[2 * row] = 1 - p
            scores.probability[2 * row + 1] = p
            scores.prediction[row] = m > 0 ? 1 : 0
        }
        return scores.append(to: batch, columns: columns)
    }
}
