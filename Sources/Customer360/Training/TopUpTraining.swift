public import Columnar
import Expressions
public import MachineLearning
import StreamOperators
import StreamPlan

/// Trains the top-up model the way the fixture's Spark model was trained (see the
/// `topup-small` README, "The model"), on a directory made by `gen_topup.py`:
///
/// 1. customer records inner-joined on ID with per-ID bureau aggregates over *all* records
///    (the same `_sum` and `_dist` columns as the stream's windows, without a window);
/// 2. rows with a null "Top-up Month" left out; `label` = 1 when it is not "No Top-up Service";
/// 3. the Spark model's stages: seven StringIndexers (`keep`), a median Imputer on the numeric
///    columns (`<col>_imp`), a VectorAssembler of 39 features (`keep`), and gradient-boosted
///    trees (XGBoost here: 20 rounds, depth 5).
///
/// XGBoost takes NaN as missing, so the Imputer is there only to keep Spark's feature order
/// and values; the split is Stream360's seeded ``RecordBatch/randomSplit(_:seed:)`` (80/20).
public enum TopUpTraining {
    /// Indexed categorical columns, in the Spark model's order.
    public static let categoricalColumns = ["Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "Area", "Sex", "State"]
    /// Numeric columns the Imputer fills (`<col>_imp`).
    public static let imputedColumns = ["Tenure", "AssetCost", "AmountFinance", "DisbursalAmount", "EMI", "LTV", "Age", "MonthlyIncome"]
        + TopUpSchemas.summedBureauColumns.map { "\($0)_sum" }

    /// The 39 features, in the Spark model's order.
    public static var featureColumns: [String] {
        imputedColumns.map { "\($0)_imp" } + TopUpSchemas.distinctBureauColumns.map { "\($0)_dist" }
            + categoricalColumns.map { "\($0)_idx" }
    }

    /// The labelled training table: customers joined with their bureau aggregates, with `label`.
    public static func table(dataDirectory: String) throws -> RecordBatch {
        let customers = try TopUpPipeline.customerParsed(try MessageTable.dataFrame(directory: dataDirectory + "/customer"))
        let bureau = try TopUpPipeline.bureauCleaned(try MessageTable.dataFrame(directory: dataDirectory + "/bureau"))
        let sums = TopUpSchemas.summedBureauColumns.map { Aggregation(.sum, $0, as: "\($0)_sum") }
        let dists = TopUpSchemas.distinctBureauColumns.map { Aggregation(.approxCountDistinct(relativeSD: 0.05), $0, as: "\($0)_dist") }
        let groups = try DataFrame.table(try bureau.groupBy(window: nil, ["ID"], aggregations: sums + dists).collect())
            .withColumnRenamed("ID", "bureau_ID")
        let label = when(col("Top-up Month") != lit("No Top-up Service"), lit(1.0)).otherwise(lit(0.0)).alias("label")
        let joined = try DataFrame.table(try customers.collect())
            .join(groups, on: col("ID") == col("bureau_ID"))
            .drop("bureau_ID")
            .filter(col("Top-up Month").isNotNull())
        return try joined.select(joined.schema.names.map { col($0) } + [label]).collect()
    }

    /// The estimator pipeline of the Spark model, with XGBoost trees.
    public static func pipeline(rounds: Int = 20, maxDepth: Int = 5, stepSize: Double = 0.3, seed: Int = 42) -> Pipeline {
        var stages: [any Estimator] = categoricalColumns.map {
            StringIndexer(uid: "StringIndexer_\($0)", inputColumns: [$0], outputColumns: ["\($0)_idx"], handleInvalid: .keep)
        }
        stages.append(Imputer(inputColumns: imputedColumns, outputColumns: imputedColumns.map { "\($0)_imp" }, strategy: .median))
        stages.append(VectorAssembler(inputColumns: featureColumns, outputColumn: "features", handleInvalid: .keep))
        stages.append(GBTClassifier(rounds: rounds, maxDepth: maxDepth, stepSize: stepSize, seed: seed))
        return Pipeline(uid: "TopUpPipeline", stages: stages)
    }

    /// Builds the table, splits it 80/20 with `seed`, fits the pipeline and evaluates it.
    public static func train(dataDirectory: String, seed: UInt64 = 42, pipeline: Pipeline = pipeline()) throws -> TrainingReport {
        let parts = try table(dataDirectory: dataDirectory).randomSplit([0.8, 0.2], seed: seed)
        return try TrainingReport.fit(pipeline, train: parts[0], test: parts[1], split: "randomSplit([0.8, 0.2], seed: \(seed))")
    }
}
