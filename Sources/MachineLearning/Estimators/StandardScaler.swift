public import Columnar

/// Learns each feature's mean and standard deviation and rescales vectors by them: Spark's
/// `StandardScaler`.
///
/// The deviation is the unbiased sample one (divided by `n − 1`), as Spark's summarizer
/// computes it. Spark's defaults are kept: `withMean = false` (centering would make sparse
/// vectors dense) and `withStd = true`. A feature with zero deviation scales to 0.
public struct StandardScaler: Estimator {
    public let uid: String
    public var inputColumn: String
    public var outputColumn: String
    public var withMean: Bool
    public var withStd: Bool

    public init(uid: String = "StandardScaler", inputColumn: String, outputColumn: String,
                withMean: Bool = false, withStd: Bool = true) {
        self.uid = uid
        self.inputColumn = inputColumn
        self.outputColumn = outputColumn
        self.withMean = withMean
        self.withStd = withStd
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        let data = try TrainingData(batch, featuresColumn: inputColumn, labelColumn: nil, stage: uid)
        let statistics = FeatureStatistics(data.features)
        return StandardScalerModel(uid: uid, inputColumn: inputColumn, outputColumn: outputColumn,
                                   mean: statistics.mean, std: statistics.std, withMean: withMean, withStd: withStd)
    }
}

/// Per-feature mean and unbiased standard deviation of a feature matrix.
struct FeatureStatistics {
    let mean: [Double]
    let std: [Double]

    init(_ features: FeatureMatrix) {
        let width = features.width
        let rows = features.rowCount
        var mean = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        features.values.withUnsafeBufferPointer { x in
            for row in 0..<rows {
                for j in 0..<width { mean[j] += x[row * width + j] }
            }
            for j in 0..<width { mean[j] /= Double(max(rows, 1)) }
            for row in 0..<rows {
                for j in 0..<width {
                    let d = x[row * width + j] - mean[j]
                    squares[j] += d * d
                }
            }
        }
        self.mean = mean
        std = squares.map { rows > 1 ? ($0 / Double(rows - 1)).squareRoot() : 0 }
    }
}
