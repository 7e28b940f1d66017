import Columnar
import Foundation
import MachineLearning
import Testing

/// The fixtures' Spark-trained pipelines, loaded from Spark's own save format, score the rows
/// Spark scored and give Spark's predictions.
@Suite struct SparkPipelineFixtureTests {
    /// Element 1 of each row of a dense vector column.
    static func second(_ column: Column) -> [Double] {
        guard case .list(let offsets, let values) = column.storage else { return [] }
        return (0..<column.count).map { values.doubleValues[Int(offsets[$0]) + 1] }
    }

    @Test func topupGBTPipelineGivesSparksPredictions() throws {
        let model = try PipelineModel.load(directory: MachineLearningFixtures.topupSmall.appendingPathComponent("spark_pipeline_model").path)
        #expect(model.stages.count == 10)
        let gbt = try #require(model.stages.last as? GBTClassificationModel)
        #expect(gbt.trees.count == 20 && gbt.featureCount == 39)
        let expectedDirectory = MachineLearningFixtures.topupSmall.appendingPathComponent("expected")
        let joined = try MachineLearningFixtures.batch(expectedDirectory.appendingPathComponent("joined.jsonl"),
                                                       schema: MachineLearningFixtures.topupJoinedSchema)
        let expected = try MachineLearningFixtures.objects(expectedDirectory.appendingPathComponent("predictions.jsonl"))
        #expect(joined.rowCount == 1527 && expected.count == 1527)

        let scored = try model.transform(joined)
        #expect(scored.rowCount == joined.rowCount)
        let predictions = try scored.column("prediction").doubleValues
        let probabilities = Self.second(try scored.column("probability"))
        let ids = try scored.column("ID").strings
        var equalPredictions = 0
        var largestDifference = 0.0
        for (row, spark) in expected.enumerated() {
            #expect(ids.string(row) == spark["ID"] as? String)
            if predictions[row] == spark["prediction"] as? Double { equalPredictions += 1 }
            largestDifference = max(largestDifference, abs(probabilities[row] - (spark["probability"] as? Double ?? .nan)))
        }
        #expect(equalPredictions == 1527)
        #expect(largestDifference <= 1e-9, "largest probability difference \(largestDifference)")
        #expect(predictions.filter { $0 == 1 }.count == 252)
        // The model splits on indexed Area (a categorical feature): its splits must be exercised.
        #expect(gbt.trees.contains { tree in (0..<tree.nodeCount).contains { tree.isCategoricalSplit($0) } })
    }

    @Test func c360ChurnLogisticRegressionGivesSparksPredictions() throws {
        let model = try PipelineModel.load(directory: MachineLearningFixtures.c360Small.appendingPathComponent("spark_churn_model").path)
        #expect(model.stages.count == 10)
        let expectedDirectory = MachineLearningFixtures.c360Small.appendingPathComponent("expected")
        let joined = try MachineLearningFixtures.batch(expectedDirectory.appendingPathComponent("joined.jsonl"),
                                                       schema: MachineLearningFixtures.c360JoinedSchema)
        let expected = try MachineLearningFixtures.objects(expectedDirectory.appendingPathComponent("predictions.jsonl"))
        let scored = try model.transform(joined)
        #expect(scored.rowCount == 15410)

        func key(_ userID: Int64, _ datetime: String, _ product: String?, _ url: String?, _ responseTime: Int?) -> String {
            "\(userID)|\(datetime)|\(product ?? "null")|\(url ?? "null")|\(responseTime.map(String.init) ?? "null")"
        }
        var sparkByKey: [String: (Double, Double)] = [:]
        for row in expected {
            let k = key(row["user_id"] as? Int64 ?? Int64(row["user_id"] as? Int ?? -1), row["datetime"] as? String ?? "",
                        row["product"] as? String, row["url"] as? String, row["response_time_ms"] as? Int)
            sparkByKey[k] = (row["prediction"] as? Double ?? .nan, row["probability"] as? Double ?? .nan)
        }
        #expect(sparkByKey.count == 15410)
        let users = try scored.column("user_id").int64Values
        let datetimes = try scored.column("datetime")
        let products = try scored.column("product")
        let urls = try scored.column("url")
        let times = try scored.column("response_time_ms")
        let predictions = try scored.column("prediction").doubleValues
        let probabilities = Self.second(try scored.column("probability"))
        func text(_ column: Column, _ row: Int) -> String? { column.isNull(row) ? nil : column.strings.string(row) }
        var equalPredictions = 0
        var matched = 0
        var largestDifference = 0.0
        for row in 0..<scored.rowCount {
            let k = key(users[row], text(datetimes, row) ?? "", text(products, row), text(urls, row),
                        times.isNull(row) ? nil : Int(times.int32Values[row]))
            guard let (prediction, probability) = sparkByKey[k] else { continue }
            matched += 1
            if prediction == predictions[row] { equalPredictions += 1 }
            largestDifference = max(largestDifference, abs(probability - probabilities[row]))
        }
        #expect(matched == 15410)
        #expect(equalPredictions == 15410)
        #expect(largestDifference <= 1e-9, "largest probability difference \(largestDifference)")
    }
}
