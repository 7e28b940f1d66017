public import Columnar

/// The output column names of a classification model, as Spark's `rawPredictionCol`,
/// `probabilityCol` and `predictionCol` (an empty name leaves that column out).
public struct ClassifierColumns: Sendable, Hashable {
    public var features: String
    public var rawPrediction: String
    public var probability: String
    public var prediction: String

    public init(features: String = "features", rawPrediction: String = "rawPrediction",
                probability: String = "probability", prediction: String = "prediction") {
        self.features = features
        self.rawPrediction = rawPrediction
        self.probability = probability
        self.prediction = prediction
    }
}

/// Scores of a batch for `classes` classes, row-major: what a classifier adds to the batch.
struct ClassifierScores {
    let rowCount: Int
    let classes: Int
    var raw: [Double]
    var probability: [Double]
    var prediction: [Double]

    init(rowCount: Int, classes: Int) {
        self.rowCount = rowCount
        self.classes = classes
        raw = [Double](repeating: 0, count: rowCount * classes)
        probability = raw
        prediction = [Double](repeating: 0, count: rowCount)
    }

    /// Spark's `Vector.argmax` of each row's raw prediction (the first of equal maxima).
    mutating func predictArgmaxOfRaw() {
        for row in 0..<rowCount {
            var best = 0
            for k in 1..<max(classes, 1) where raw[row * classes + k] > raw[row * classes + best] { best = k }
            prediction[row] = Double(best)
        }
    }

    /// Each row's probability as its raw prediction divided by the row's sum (Spark's
    /// `normalizeToProbabilitiesInPlace`; an all-zero row stays zero).
    mutating func normalizeRawIntoProbability() {
        for row in 0..<rowCount {
            var sum = 0.0
            for k in 0..<classes { sum += raw[row * classes + k] }
            for k in 0..<classes {
                probability[row * classes + k] = sum == 0 ? raw[row * classes + k] : raw[row * classes + k] / sum
            }
        }
    }

    /// `batch` with the score columns named in `columns` appended.
    func append(to batch: RecordBatch, columns: ClassifierColumns) -> RecordBatch {
        var fields: [Field] = []
        var added: [Column] = []
        if !columns.rawPrediction.isEmpty {
            fields.append(Field(columns.rawPrediction, VectorColumn.denseType, nullable: false))
            added.append(VectorColumn.dense(raw, width: classes, rowCount: rowCount))
        }
        if !columns.probability.isEmpty {
            fields.append(Field(columns.probability, VectorColumn.denseType, nullable: false))
            added.append(VectorColumn.dense(probability, width: classes, rowCount: rowCount))
        }
        if !columns.prediction.isEmpty {
            fields.append(Field(columns.prediction, .double, nullable: false))
            added.append(Column(type: .double, count: rowCount, validity: nil, storage: .float64(prediction)))
        }
        return batch.replacingOrAppending(fields, added)
    }
}
