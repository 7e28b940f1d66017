import Columnar
public import MachineLearning

/// What training a model produced: the fitted pipeline and its quality on held-out rows.
public struct TrainingReport: Sendable {
    /// The fitted pipeline.
    public var model: PipelineModel
    public var trainRows: Int
    public var testRows: Int
    /// The share of positive labels among all labelled rows.
    public var positiveShare: Double
    /// Held-out ranking quality (Spark's BinaryClassificationEvaluator on `rawPrediction`).
    public var ranking: BinaryClassificationMetrics
    /// Held-out predicted classes against labels.
    public var classification: ClassificationMetrics
    /// Area under ROC on the training rows (to judge over-fitting).
    public var trainAreaUnderROC: Double
    /// How the rows were split, for the record.
    public var split: String

    /// The metrics as printable lines.
    public var lines: [String] {
        let c = classification
        let matrix = c.confusionMatrix.map { $0.map(String.init).joined(separator: " ") }.joined(separator: " | ")
        return [
            "rows: \(trainRows) train, \(testRows) test (\(split)); positive share \(Self.format(positiveShare))",
            "test areaUnderROC \(Self.format(ranking.areaUnderROC)), areaUnderPR \(Self.format(ranking.areaUnderPR)); "
                + "train areaUnderROC \(Self.format(trainAreaUnderROC))",
            "test accuracy \(Self.format(c.accuracy)), precision \(Self.format(c.precision(1))), "
                + "recall \(Self.format(c.recall(1))), F1 \(Self.format(c.f1(1)))",
            "confusion matrix (rows: label \(c.classes.map { String($0) }.joined(separator: ", ")); columns: prediction): \(matrix)",
        ]
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded() / 10_000
        return String(scaled)
    }
}

extension TrainingReport {
    /// Fits `pipeline` on `train` and evaluates it on `test` (both with a `label` column).
    static func fit(_ pipeline: Pipeline, train: RecordBatch, test: RecordBatch, split: String) throws -> TrainingReport {
        let model = try pipeline.fitPipeline(train)
        let scoredTest = try model.transform(test)
        let scoredTrain = try model.transform(train)
        let ranking = try BinaryClassificationMetrics.evaluate(scoredTest)
        let positives = ranking.positives + (try BinaryClassificationMetrics.evaluate(scoredTrain)).positives
        return TrainingReport(
            model: model, trainRows: train.rowCount, testRows: test.rowCount,
            positiveShare: Double(positives) / Double(max(train.rowCount + test.rowCount, 1)), ranking: ranking,
            classification: try ClassificationMetrics.evaluate(scoredTest),
            trainAreaUnderROC: try BinaryClassificationMetrics.evaluate(scoredTrain).areaUnderROC, split: split)
    }
}
