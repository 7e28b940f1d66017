import Columnar
import Foundation
import MachineLearning
import Testing

/// Each estimator's fit against values worked out by hand.
@Suite struct EstimatorTests {
    static func batch(_ columns: [(String, Column)]) -> RecordBatch {
        RecordBatch(trusted: Schema(columns.map { Field($0.0, $0.1.type) }), columns: columns.map(\.1),
                    rowCount: columns.first?.1.count ?? 0)
    }

    static func vectors(_ rows: [[Double]]) -> Column {
        VectorColumn.dense(rows.flatMap { $0 }, width: rows.first?.count ?? 0, rowCount: rows.count)
    }

    @Test func stringIndexerOrdersByFrequencyThenLabelAscending() throws {
        // c ×3; a, b, B ×2 each (ties: "B" < "a" < "b" by UTF-16 code unit); d ×1; nulls are not labels.
        let values: [String?] = ["b", "c", "a", nil, "c", "B", "d", "a", "b", "c", "B", nil]
        let model = try StringIndexer(inputColumns: ["s"], outputColumns: ["i"], handleInvalid: .keep)
            .fitModel(Self.batch([("s", .strings(values))]))
        #expect(model.labels == [["c", "B", "a", "b", "d"]])
        let indexed = try model.transform(Self.batch([("s", .strings(["a", nil, "zz"]))]))
        #expect(try indexed.column("i").doubleValues == [2, 5, 5])
    }

    @Test func stringIndexerOtherOrdersAndIntegerInputs() throws {
        let batch = Self.batch([("n", .ints([3, 10, 3, 2, 10, 10]))])
        let ascending = try StringIndexer(inputColumns: ["n"], outputColumns: ["i"], orderType: .frequencyAsc).fitModel(batch)
        #expect(ascending.labels == [["2", "3", "10"]])
        let alphabetical = try StringIndexer(inputColumns: ["n"], outputColumns: ["i"], orderType: .alphabetAsc).fitModel(batch)
        #expect(alphabetical.labels == [["10", "2", "3"]])
        let descending = try StringIndexer(inputColumns: ["n"], outputColumns: ["i"], orderType: .alphabetDesc).fitModel(batch)
        #expect(descending.labels == [["3", "2", "10"]])
    }

    @Test func imputerMeanMedianAndMode() throws {
        let batch = Self.batch([("x", .doubles([1, .nan, 4, nil, 2, 10, 2])), ("k", .ints([5, 1, nil, 3, 3, 2, 9]))])
        let mean = try Imputer(inputColumns: ["x", "k"], outputColumns: ["x_imp", "k_imp"]).fitModel(batch)
        #expect(mean.surrogates == [19.0 / 5, 23.0 / 6])
        // Present x: 1 2 2 4 10 → median rank ceil(2.5) = 3 → 2; k: 1 2 3 3 5 9 → rank 3 → 3 (Spark's lower median).
        let median = try Imputer(inputColumns: ["x", "k"], outputColumns: ["x_imp", "k_imp"], strategy: .median).fitModel(batch)
        #expect(median.surrogates == [2, 3])
        let mode = try Imputer(inputColumns: ["x", "k"], outputColumns: ["x_imp", "k_imp"], strategy: .mode).fitModel(batch)
        #expect(mode.surrogates == [2, 3])
        let filled = try median.transform(batch)
        #expect(try filled.column("x_imp").doubleValues == [1, 2, 4, 2, 2, 10, 2])
        #expect(throws: MachineLearningError.self) {
            try Imputer(inputColumns: ["x"], outputColumns: ["y"]).fit(Self.batch([("x", .doubles([nil, .nan]))]))
        }
    }

    @Test func oneHotEncoderLearnsSizesFromDataOrFromTheIndexerBeforeIt() throws {
        let batch = Self.batch([("i", .doubles([0, 2, 1, 2]))])
        let fromData = try #require(try OneHotEncoder(inputColumns: ["i"], outputColumns: ["v"]).fit(batch) as? OneHotEncoderModel)
        #expect(fromData.categorySizes == [3])
        #expect(fromData.vectorSize(0) == 2)
        // Spark's encoder reads the indexer's labels (+1 for keep) from the column's attributes.
        let pipeline = Pipeline(stages: [
            StringIndexer(inputColumns: ["s"], outputColumns: ["i"], handleInvalid: .keep),
            OneHotEncoder(inputColumns: ["i"], outputColumns: ["v"], handleInvalid: .keep),
        ])
        let model = try pipeline.fitPipeline(Self.batch([("s", .strings(["x", "y", "x"]))]))
        let encoder = try #require(model.stages.last as? OneHotEncoderModel)
        #expect(encoder.categorySizes == [3])
        #expect(encoder.vectorSize(0) == 3)
    }

    @Test func standardScalerUsesTheUnbiasedDeviation() throws {
        let batch = Self.batch([("f", Self.vectors([[1, 5], [3, 5], [5, 5]]))])
        let model = try #require(try StandardScaler(inputColumn: "f", outputColumn: "s", withMean: true).fit(batch) as? StandardScalerModel)
        #expect(model.mean == [3, 5])
        #expect(model.std == [2, 0])
        let out = try model.transform(batch)
        #expect(try out.column("s").scalars == [.array([.double(-1), .double(0)]), .array([.double(0), .double(0)]),
                                                 .array([.double(1), .double(0)])])
    }

    @Test func logisticRegressionFindsTheMaximumLikelihoodByHand() throws {
        // x = 1: 3 positives of 4; x = −1: 1 of 4. Without a penalty the fit is exact:
        // logit(3/4) = β + b and logit(1/4) = −β + b, so β = ln 3, b = 0.
        let xs: [[Double]] = [[1], [1], [1], [1], [-1], [-1], [-1], [-1]]
        let labels: [Double?] = [1, 1, 1, 0, 1, 0, 0, 0]
        let batch = Self.batch([("features", Self.vectors(xs)), ("label", .doubles(labels))])
        let model = try LogisticRegression(tolerance: 1e-12).fitModel(batch)
        #expect(abs(model.coefficients[0][0] - log(3)) < 1e-6)
        #expect(abs(model.intercepts[0]) < 1e-6)
        let scored = try model.transform(batch)
        #expect(try scored.column("prediction").doubleValues == [1, 1, 1, 1, 0, 0, 0, 0])
    }

    @Test func logisticRegressionPenalizesOnTheStandardizedScale() throws {
        // With a penalty λ the optimum satisfies mean((p − y)·z) + λ·w = 0 on standardized z = x/σ;
        // a constant feature gets coefficient 0.
        let xs: [[Double]] = (0..<40).map { (row: Int) -> [Double] in [Double(row % 8), 7] }
        let labels: [Double?] = (0..<40).map { (row: Int) -> Double? in row % 8 + row % 3 > 5 ? 1 : 0 }
        let batch = Self.batch([("features", Self.vectors(xs)), ("label", .doubles(labels))])
        let lambda = 0.1
        let model = try LogisticRegression(regularization: lambda, tolerance: 1e-12).fitModel(batch)
        #expect(model.coefficients[0][1] == 0)
        let x = xs.map { $0[0] }
        let mean = x.reduce(0, +) / 40
        let sigma = (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 39).squareRoot()
        let beta = model.coefficients[0][0], b = model.intercepts[0]
        var gradient = 0.0, interceptGradient = 0.0
        for (xi, yi) in zip(x, labels) {
            let p = 1 / (1 + exp(-(beta * xi + b)))
            gradient += (p - (yi ?? 0)) * (xi - mean) / sigma / 40
            interceptGradient += (p - (yi ?? 0)) / 40
        }
        #expect(abs(gradient + lambda * beta * sigma) < 1e-8)
        #expect(abs(interceptGradient) < 1e-8)
    }

    @Test func gbtClassifierSeparatesASeparableSet() throws {
        let rows = (0..<300).map { (row: Int) -> [Double] in
            let noise: Double = row % 9 == 0 ? .nan : Double(row % 7)
            return [Double(row % 50) / 50, noise]
        }
        let labels: [Double?] = rows.map { (row: [Double]) -> Double? in row[0] > 0.5 ? 1 : 0 }
        let batch = Self.batch([("features", Self.vectors(rows)), ("label", .doubles(labels))])
        let model = try GBTClassifier(rounds: 10, maxDepth: 3, stepSize: 0.3).fitModel(batch)
        let scored = try model.transform(batch)
        #expect(try BinaryClassificationMetrics.evaluate(scored).areaUnderROC == 1.0)
        #expect(try ClassificationMetrics.evaluate(scored).accuracy == 1.0)
        // probability = [1 − p, p], rawPrediction = [−m, m] with p = σ(m).
        let raw = VectorColumn.element(1, of: try scored.column("rawPrediction")).doubleValues
        let probability = VectorColumn.element(1, of: try scored.column("probability")).doubleValues
        for (m, p) in zip(raw, probability) { #expect(abs(1 / (1 + exp(-m)) - p) < 1e-12) }
    }

    @Test func estimatorsRefuseBadLabels() throws {
        let batch = Self.batch([("features", Self.vectors([[1], [2]])), ("label", .doubles([0, 2]))])
        #expect(throws: MachineLearningError.self) { try GBTClassifier().fit(batch) }
        #expect(throws: MachineLearningError.self) { try LogisticRegression().fit(batch) }
        let unlabeled = Self.batch([("features", Self.vectors([[1], [2]])), ("label", .doubles([0, nil]))])
        #expect(throws: MachineLearningError.self) { try LogisticRegression().fit(unlabeled) }
    }
}
