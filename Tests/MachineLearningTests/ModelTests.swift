import Columnar
import Foundation
import MachineLearning
import Testing

/// The classifiers' output columns, against values computed by hand from Spark's formulas.
@Suite struct ModelTests {
    static func features(_ rows: [[Double]]) -> RecordBatch {
        let column = VectorColumn.dense(rows.flatMap { $0 }, width: rows.first?.count ?? 0, rowCount: rows.count)
        return RecordBatch(trusted: Schema([Field("features", VectorColumn.denseType)]), columns: [column], rowCount: rows.count)
    }

    @Test func binomialLogisticRegressionFollowsSparksFormulas() throws {
        let model = LogisticRegressionModel(coefficients: [[2, -1]], intercepts: [0.5], isMultinomial: false)
        let out = try model.transform(Self.features([[1, 1], [0, 3]]))
        let probability = FeatureStageTests.rows(try out.column("probability"))
        let raw = FeatureStageTests.rows(try out.column("rawPrediction"))
        #expect(raw == [[-1.5, 1.5], [2.5, -2.5]])
        #expect(abs(probability[0][1] - 1 / (1 + exp(-1.5))) < 1e-15)
        #expect(try out.column("prediction").doubleValues == [1, 0])
    }

    @Test func multinomialLogisticRegressionIsASoftmax() throws {
        let model = LogisticRegressionModel(coefficients: [[1], [0], [-1]], intercepts: [0, 0, 0], isMultinomial: true)
        let out = try model.transform(Self.features([[2]]))
        let p = FeatureStageTests.rows(try out.column("probability"))[0]
        let z = exp(2.0 - 2) + exp(0.0 - 2) + exp(-2.0 - 2)
        #expect(abs(p[0] - 1 / z) < 1e-15 && abs(p.reduce(0, +) - 1) < 1e-15)
        #expect(try out.column("prediction").doubleValues == [0])
    }

    @Test func featureVectorsOfTheWrongLengthAreRefused() throws {
        let model = LogisticRegressionModel(uid: "lr", coefficients: [[1, 2, 3]], intercepts: [0], isMultinomial: false)
        #expect(throws: MachineLearningError.featureCountMismatch(stage: "lr", expected: 3, actual: 2)) {
            try model.transform(Self.features([[1, 2]]))
        }
    }
}
