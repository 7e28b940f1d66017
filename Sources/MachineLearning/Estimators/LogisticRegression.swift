public import Columnar

/// Binomial logistic regression fitted by Newton's method on Spark's objective: Spark's
/// `LogisticRegression` with `family = binomial` and an L2 penalty (`elasticNetParam = 0`).
///
/// The objective is Spark's: the mean log-loss plus `regParam / 2 · Σ βⱼ²`, where with
/// `standardization = true` (the default) the coefficients are penalized as they are on
/// standardized features (`βⱼ · σⱼ`, σ the unbiased deviation), and the intercept is never
/// penalized. A feature with zero deviation gets coefficient 0, as in Spark. Spark minimizes
/// with L-BFGS to a relative tolerance; Newton's method reaches the same minimum in a few
/// iterations (each `O(n · d²)`, fine for the tens of features of one-hot-encoded
/// pipelines), so the coefficients agree with Spark's to about the tolerance.
public struct LogisticRegression: Estimator {
    public let uid: String
    public var columns: ClassifierColumns
    public var labelColumn: String
    /// Newton iterations at most (Spark's `maxIter`).
    public var maxIterations: Int
    /// The L2 penalty's strength (Spark's `regParam`).
    public var regularization: Double
    /// Whether the penalty applies on the standardized scale (Spark's `standardization`).
    public var standardization: Bool
    public var fitIntercept: Bool
    /// Convergence: stop when the objective improves by less than this, relatively (`tol`).
    public var tolerance: Double
    /// The decision threshold on the probability of class 1.
    public var threshold: Double

    public init(uid: String = "LogisticRegression", columns: ClassifierColumns = ClassifierColumns(), labelColumn: String = "label",
                maxIterations: Int = 100, regularization: Double = 0, standardization: Bool = true, fitIntercept: Bool = true,
                tolerance: Double = 1e-6, threshold: Double = 0.5) {
        self.uid = uid
        self.columns = columns
        self.labelColumn = labelColumn
        self.maxIterations = maxIterations
        self.regularization = regularization
        self.standardization = standardization
        self.fitIntercept = fitIntercept
        self.tolerance = tolerance
        self.threshold = threshold
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        try fitModel(batch)
    }

    /// ``fit(_:)`` with its concrete result.
    public func fitModel(_ batch: RecordBatch) throws(MachineLearningError) -> LogisticRegressionModel {
        guard regularization >= 0, maxIterations >= 0, threshold >= 0, threshold <= 1 else {
            throw .invalidParameter(stage: uid, detail: "regParam \(regularization), maxIter \(maxIterations), threshold \(threshold)")
        }
        let data = try TrainingData(batch, featuresColumn: columns.features, labelColumn: labelColumn, stage: uid)
        try data.requireBinaryLabels(stage: uid, column: labelColumn)
        let statistics = FeatureStatistics(data.features)
        let problem = LogisticProblem(data: data, statistics: statistics, fitIntercept: fitIntercept,
                                      penalty: regularization, standardization: standardization)
        let (coefficients, intercept) = problem.solve(maxIterations: maxIterations, tolerance: tolerance)
        return LogisticRegressionModel(uid: uid, coefficients: [coefficients], intercepts: [intercept], isMultinomial: false,
                                       threshold: threshold, columns: columns)
    }
}
