public import Columnar

/// Ranking quality of binary scores: area under the ROC and precision–recall curves with the
/// semantics of Spark's `BinaryClassificationMetrics` (and `BinaryClassificationEvaluator`,
/// which uses it without binning).
///
/// Rows are grouped by distinct score, highest first; each distinct score is a threshold and
/// gives one point of each curve from the cumulative counts of positives (label > 0.5) and
/// negatives at or above it. The ROC curve is `(0, 0)`, then `(FPR, TPR)` per threshold, then
/// `(1, 1)`; the PR curve is `(0, p₁)` — the first threshold's precision — then
/// `(recall, precision)` per threshold. Areas are trapezoids between consecutive points. So
/// equal scores count as one step (a constant score gives a ROC area of 0.5), and precision is 1
/// where nothing is predicted positive.
public struct BinaryClassificationMetrics: Sendable {
    /// `(false positive rate, true positive rate)` points, from `(0, 0)` to `(1, 1)`.
    public let rocCurve: [(x: Double, y: Double)]
    /// `(recall, precision)` points.
    public let prCurve: [(x: Double, y: Double)]
    /// The number of positive and negative rows.
    public let positives: Int
    public let negatives: Int

    /// The metrics of `scores` (higher means more likely positive) against `labels`.
    public init(scores: [Double], labels: [Double]) {
        precondition(scores.count == labels.count, "one label per score")
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let totalPositives = labels.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) }
        let totalNegatives = labels.count - totalPositives
        var roc: [(x: Double, y: Double)] = [(0, 0)]
        var pr: [(x: Double, y: Double)] = []
        var truePositives = 0
        var falsePositives = 0
        var index = 0
        while index < order.count {
            let score = scores[order[index]]
            while index < order.count, scores[order[index]] == score {
                if labels[order[index]] > 0.5 { truePositives += 1 } else { falsePositives += 1 }
                index += 1
            }
            let recall = totalPositives == 0 ? 0 : Double(truePositives) / Double(totalPositives)
            let falsePositiveRate = totalNegatives == 0 ? 0 : Double(falsePositives) / Double(totalNegatives)
            let predicted = truePositives + falsePositives
            let precision = predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
            roc.append((falsePositiveRate, recall))
            pr.append((recall, precision))
        }
        roc.append((1, 1))
        rocCurve = roc
        prCurve = [(0, pr.first?.y ?? 1)] + pr
        positives = totalPositives
        negatives = totalNegatives
    }

    /// Area under the ROC curve (1 for a perfect ranking, 0.5 for an uninformative one).
    public var areaUnderROC: Double { Self.area(rocCurve) }

    /// Area under the precision–recall curve.
    public var areaUnderPR: Double { Self.area(prCurve) }

    static func area(_ points: [(x: Double, y: Double)]) -> Double {
        var sum = 0.0
        for k in points.indices.dropFirst() {
            sum += (points[k].x - points[k - 1].x) * (points[k].y + points[k - 1].y) / 2
        }
        return sum
    }

    /// The metrics of a scored batch: the score is element 1 of a vector column
    /// (`rawPrediction` or `probability`, as Spark's evaluator reads it) or a double column.
    public static func evaluate(_ batch: RecordBatch, scoreColumn: String = "rawPrediction",
                                labelColumn: String = "label") throws(MachineLearningError) -> BinaryClassificationMetrics {
        let stage = "BinaryClassificationEvaluator"
        let score = batch.columns[try batch.columnIndex(scoreColumn, stage: stage)]
        let scores: [Double]
        if let numbers = score.doublesCast {
            scores = numbers
        } else if VectorView(score) != nil {
            let element = VectorColumn.element(1, of: score)
            guard case .float64(let values) = element.storage else {
                throw .unsupportedColumnType(stage: stage, column: scoreColumn, type: score.type.description)
            }
            scores = values
        } else {
            throw .unsupportedColumnType(stage: stage, column: scoreColumn, type: score.type.description)
        }
        let label = batch.columns[try batch.columnIndex(labelColumn, stage: stage)]
        guard let labels = label.doublesCast else {
            throw .unsupportedColumnType(stage: stage, column: labelColumn, type: label.type.description)
        }
        return BinaryClassificationMetrics(scores: scores, labels: labels)
    }
}
