import Columnar
import MachineLearning
import Testing

/// Spark's BinaryClassificationMetrics and MulticlassMetrics on examples small enough to work
/// out by hand, and the seeded split.
@Suite struct EvaluationTests {
    @Test func perfectRankingHasAreasOfOne() {
        let metrics = BinaryClassificationMetrics(scores: [0.9, 0.8, 0.3, 0.1], labels: [1, 1, 0, 0])
        #expect(metrics.areaUnderROC == 1)
        #expect(metrics.areaUnderPR == 1)
        let reversed = BinaryClassificationMetrics(scores: [0.1, 0.2, 0.8, 0.9], labels: [1, 1, 0, 0])
        #expect(reversed.areaUnderROC == 0)
    }

    @Test func uninformativeScoresGiveHalf() {
        // One threshold: ROC (0,0) → (1,1); PR (0, ½) → (1, ½).
        let constant = BinaryClassificationMetrics(scores: [0.5, 0.5, 0.5, 0.5], labels: [1, 0, 1, 0])
        #expect(constant.areaUnderROC == 0.5)
        #expect(constant.areaUnderPR == 0.5)
    }

    @Test func interleavedRankingMatchesTheHandComputedCurves() {
        // Thresholds 0.9, 0.8, 0.7, 0.6 give (FPR, TPR) (0, ½) (½, ½) (½, 1) (1, 1): area ¾ (3 of 4
        // positive–negative pairs ordered right); PR (0, 1) (½, 1) (½, ½) (1, ⅔) (1, ½): area ½ + ½·(½ + ⅔)/2.
        let metrics = BinaryClassificationMetrics(scores: [0.9, 0.8, 0.7, 0.6], labels: [1, 0, 1, 0])
        #expect(metrics.areaUnderROC == 0.75)
        #expect(abs(metrics.areaUnderPR - (0.5 + 0.5 * (0.5 + 2.0 / 3) / 2)) < 1e-15)
        #expect(metrics.prCurve.map(\.y) == [1, 1, 0.5, 2.0 / 3, 0.5])
    }

    @Test func tiedScoresAreOneThreshold() {
        // Scores 0.8 (pos), 0.5 (pos, neg), 0.2 (neg): ROC (0,0) (0,½) (½,1) (1,1) (1,1) → ¼ + ½ + 0 = 0.875.
        let metrics = BinaryClassificationMetrics(scores: [0.8, 0.5, 0.5, 0.2], labels: [1, 1, 0, 0])
        #expect(metrics.areaUnderROC == 0.875)
    }

    @Test func classificationMetricsAndConfusionMatrix() {
        let metrics = ClassificationMetrics(predictions: [1, 1, 0, 0, 1, 0], labels: [1, 0, 0, 1, 1, 0])
        #expect(metrics.classes == [0, 1])
        #expect(metrics.confusionMatrix == [[2, 1], [1, 2]])
        #expect(metrics.accuracy == 4.0 / 6)
        #expect(metrics.precision(1) == 2.0 / 3)
        #expect(metrics.recall(1) == 2.0 / 3)
        #expect(abs(metrics.f1(1) - 2.0 / 3) < 1e-15)
        let none = ClassificationMetrics(predictions: [0, 0], labels: [1, 0])
        #expect(none.precision(1) == 0)
        #expect(none.recall(1) == 0)
        #expect(none.f1(1) == 0)
    }

    @Test func randomSplitIsSeededAndCoversEveryRowOnce() throws {
        let ids = Column.longs((0..<10_000).map { Int64($0) })
        let batch = RecordBatch(trusted: Schema([Field("id", .long)]), columns: [ids], rowCount: 10_000)
        let parts = batch.randomSplit([0.8, 0.2], seed: 7)
        let again = batch.randomSplit([0.8, 0.2], seed: 7)
        let other = batch.randomSplit([0.8, 0.2], seed: 8)
        #expect(parts[0].rowCount + parts[1].rowCount == 10_000)
        #expect(abs(parts[1].rowCount - 2_000) < 150)
        #expect(try parts[1].column("id").scalars == again[1].column("id").scalars)
        #expect(try parts[1].column("id").scalars != other[1].column("id").scalars)
        let all = Set(try (parts[0].column("id").scalars + parts[1].column("id").scalars).map(\.description))
        #expect(all.count == 10_000)
    }
}
