import Columnar
@testable import MachineLearning
import Testing

/// Spark's single-tree and random-forest classifiers on trees small enough to score by hand.
@Suite struct TreeClassifierTests {
    /// Root splits feature 0 at 0.5: left leaf counts [3, 1], right leaf counts [0, 2].
    static let split = DecisionTree(
        featureIndex: [0, -1, -1], threshold: [0.5, 0, 0], maskStart: [-1, -1, -1], maskWords: [0, 0, 0], categoryMasks: [],
        leftChild: [1, -1, -1], rightChild: [2, -1, -1], prediction: [0, 0, 1], statsStart: [0, 0, 2, 4], stats: [3, 1, 0, 2])
    /// A single leaf with counts [1, 1].
    static let stump = DecisionTree(
        featureIndex: [-1], threshold: [0], maskStart: [-1], maskWords: [0], categoryMasks: [],
        leftChild: [-1], rightChild: [-1], prediction: [0], statsStart: [0, 2], stats: [1, 1])

    @Test func oneTreeGivesItsLeafCountsAndTheirShares() throws {
        let model = DecisionTreeClassificationModel(tree: Self.split, classCount: 2, featureCount: 1)
        let out = try model.transform(ModelTests.features([[0.2], [0.9], [.nan]]))
        // NaN goes right, as in Spark.
        #expect(FeatureStageTests.rows(try out.column("rawPrediction")) == [[3, 1], [0, 2], [0, 2]])
        #expect(FeatureStageTests.rows(try out.column("probability")) == [[0.75, 0.25], [0, 1], [0, 1]])
        #expect(try out.column("prediction").doubleValues == [0, 1, 1])
    }

    @Test func aForestAddsEachLeafsNormalizedCounts() throws {
        let model = RandomForestClassificationModel(trees: [Self.split, Self.stump], classCount: 2, featureCount: 1)
        let out = try model.transform(ModelTests.features([[0.2], [0.9]]))
        // [0.75, 0.25] + [0.5, 0.5] and [0, 1] + [0.5, 0.5].
        #expect(FeatureStageTests.rows(try out.column("rawPrediction")) == [[1.25, 0.75], [0.5, 1.5]])
        #expect(FeatureStageTests.rows(try out.column("probability")) == [[0.625, 0.375], [0.25, 0.75]])
        #expect(try out.column("prediction").doubleValues == [0, 1])
    }
}
