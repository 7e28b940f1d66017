public import Columnar

/// Quality of predicted classes against true labels: Spark's `MulticlassMetrics` (accuracy,
/// per-label precision, recall and F1, the confusion matrix) for any number of classes.
///
/// Classes are the distinct values among labels and predictions, ascending. Precision of a
/// class nothing was predicted as, and recall of a class that never occurs, are 0, as in Spark.
public struct ClassificationMetrics: Sendable {
    /// The classes, ascending: the rows and columns of ``confusionMatrix``.
    public let classes: [Double]
    /// `confusionMatrix[i][j]`: rows of true class `classes[i]` predicted as `classes[j]`.
    public let confusionMatrix: [[Int]]
    /// The number of rows.
    public let count: Int

    public init(predictions: [Double], labels: [Double]) {
        precondition(predictions.count == labels.count, "one label per prediction")
        let classes = Array(Set(predictions + labels)).sorted()
        var position: [Double: Int] = [:]
        for (index, value) in classes.enumerated() { position[value] = index }
        var matrix = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
        for (predicted, actual) in zip(predictions, labels) {
            if let i = position[actual], let j = position[predicted] { matrix[i][j] += 1 }
        }
        self.classes = classes
        confusionMatrix = matrix
        count = labels.count
    }

    /// The share of rows predicted right.
    public var accuracy: Double {
        let right = classes.indices.reduce(0) { $0 + confusionMatrix[$1][$1] }
        return count == 0 ? 0 : Double(right) / Double(count)
    }

    /// True positives over predicted positives for class `label`.
    public func precision(_ label: Double = 1) -> Double {
        guard let k = classes.firstIndex(of: label) else { return 0 }
        let predicted = classes.indices.reduce(0) { $0 + confusionMatrix[$1][k] }
        return predicted == 0 ? 0 : Double(confusionMatrix[k][k]) / Double(predicted)
    }

    /// True positives over actual positives for class `label`.
    public func recall(_ label: Double = 1) -> Double {
        guard let k = classes.firstIndex(of: label) else { return 0 }
        let actual = confusionMatrix[k].reduce(0, +)
        return actual == 0 ? 0 : Double(confusionMatrix[k][k]) / Double(actual)
    }

    /// The harmonic mean of precision and recall for class `label`.
    public func f1(_ label: Double = 1) -> Double {
        let p = precision(label)
        let r = recall(label)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// The metrics of a scored batch's `prediction` against its label column.
    public static func evaluate(_ batch: RecordBatch, predictionColumn: String = "prediction",
                                labelColumn: String = "label") throws(MachineLearningError) -> ClassificationMetrics {
        let stage = "MulticlassClassificationEvaluator"
        let prediction = batch.columns[try batch.columnIndex(predictionColumn, stage: stage)]
        let label = batch.columns[try batch.columnIndex(labelColumn, stage: stage)]
        guard let predictions = prediction.doublesCast else {
            throw .unsupportedColumnType(stage: stage, column: predictionColumn, type: prediction.type.description)
        }
        guard let labels = label.doublesCast else {
            throw .unsupportedColumnType(stage: stage, column: labelColumn, type: label.type.description)
        }
        return ClassificationMetrics(predictions: predictions, labels: labels)
    }
}
