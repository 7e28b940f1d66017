public import Columnar
public import XGBoost

/// Gradient-boosted trees for binary classification, trained by XGBoost: Spark's
/// `GBTClassifier` parameters on XGBoost's `binary:logistic`.
///
/// Features are the dense vectors of ``ClassifierColumns/features``; NaN is a missing value
/// (XGBoost learns a default direction per split, so an assembler's `handleInvalid = keep`
/// output trains as is, where Spark's GBT refuses NaN). Labels must be 0 or 1. The result is
/// an ``XGBoostClassificationModel``.
///
/// | Spark | here | XGBoost |
/// |---|---|---|
/// | `maxIter` (20) | ``rounds`` | boosting rounds |
/// | `maxDepth` (5) | ``maxDepth`` | `max_depth` |
/// | `stepSize` (0.1) | ``stepSize`` | `eta` |
/// | `seed` | ``seed`` | `seed` |
///
/// XGBoost runs with `nthread = 1` and the `hist` method unless ``extraParameters`` say
/// otherwise.
public struct GBTClassifier: Estimator {
    public let uid: String
    public var columns: ClassifierColumns
    public var labelColumn: String
    public var rounds: Int
    public var maxDepth: Int
    public var stepSize: Double
    public var seed: Int
    /// Further XGBoost parameters (`min_child_weight`, `subsample`, `max_bin`, …).
    public var extraParameters: [String: String]

    public init(uid: String = "GBTClassifier", columns: ClassifierColumns = ClassifierColumns(), labelColumn: String = "label",
                rounds: Int = 20, maxDepth: Int = 5, stepSize: Double = 0.1, seed: Int = 0,
                extraParameters: [String: String] = [:]) {
        self.uid = uid
        self.columns = columns
        self.labelColumn = labelColumn
        self.rounds = rounds
        self.maxDepth = maxDepth
        self.stepSize = stepSize
        self.seed = seed
        self.extraParameters = extraParameters
    }

    /// The XGBoost parameters of a run.
    public var parameters: BoosterParameters {
        BoosterParameters(objective: "binary:logistic", maxDepth: maxDepth, eta: stepSize, threads: 1, seed: seed,
                          extra: extraParameters)
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        try fitModel(batch)
    }

    /// ``fit(_:)`` with its concrete result.
    public func fitModel(_ batch: RecordBatch) throws(MachineLearningError) -> XGBoostClassificationModel {
        guard rounds > 0, maxDepth >= 0, stepSize > 0 else {
            throw .invalidParameter(stage: uid, detail: "rounds \(rounds) and stepSize \(stepSize) must be positive, maxDepth \(maxDepth) ≥ 0")
        }
        let data = try TrainingData(batch, featuresColumn: columns.features, labelColumn: labelColumn, stage: uid)
        try data.requireBinaryLabels(stage: uid, column: labelColumn)
        guard data.features.width > 0 else { throw .cannotFit(stage: uid, detail: "the feature vectors are empty") }
        do {
            let matrix = try DMatrix(values: data.features.values, rows: data.features.rowCount, columns: data.features.width,
                                     labels: data.labels)
            let booster = try Booster.train(parameters: parameters, rounds: rounds, data: matrix)
            return XGBoostClassificationModel(uid: uid, booster: booster, columns: columns)
        } catch {
            throw .xgboost(stage: uid, error)
        }
    }
}
