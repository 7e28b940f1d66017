public import Columnar
import Connectors
import Expressions
import JSONIngest
public import MachineLearning
import StreamPlan

/// Trains the churn model the way the `c360-small` fixture's Spark model was trained (its
/// README, "churn model"), on a directory made by `gen_c360.py`: the seed SQL's join of the
/// clickstream with the CRM documents, `label = churn_label`; StringIndexers (`keep`) on six
/// columns → OneHotEncoder (`keep`, dropLast) → median Imputer on `response_time_ms` →
/// VectorAssembler (`keep`) → LogisticRegression(maxIter 100, regParam 0.01). Users with
/// `user_id % 5 == 0` are held out.
public enum ChurnTraining {
    /// The indexed, one-hot-encoded columns, in the Spark model's order.
    public static let categoricalColumns = ["os", "browser", "product", "sentiment", "persona", "loyalty_tier"]

    /// The joined rows with a double `label`.
    public static func table(dataDirectory: String) throws -> RecordBatch {
        let crmPath = try FileSystem.listDataFiles(dataDirectory + "/crm")
        var crmBytes: [UInt8] = []
        for file in crmPath { crmBytes += try FileSystem.readAll(dataDirectory + "/crm/" + file) }
        let (crm, _) = JSONDocumentReader.read(crmBytes, source: dataDirectory + "/crm")
        let weblog = try ChurnPipeline.weblog(try MessageTable.dataFrame(directory: dataDirectory + "/clickstream"))
        let joined = try DataFrame.table(try weblog.collect())
        let rows = try ChurnPipeline.joined(weblog: joined, crm: crm)
        return try rows.select(rows.schema.names.map { col($0) } + [col("churn_label").cast(.double).alias("label")]).collect()
    }

    /// The Spark model's estimator pipeline.
    public static func pipeline() -> Pipeline {
        var stages: [any Estimator] = categoricalColumns.map {
            StringIndexer(uid: "StringIndexer_\($0)", inputColumns: [$0], outputColumns: ["\($0)_idx"], handleInvalid: .keep)
        }
        stages.append(OneHotEncoder(inputColumns: categoricalColumns.map { "\($0)_idx" }, outputColumns: categoricalColumns.map { "\($0)_vec" },
                                    handleInvalid: .keep))
        stages.append(Imputer(inputColumns: ["response_time_ms"], outputColumns: ["response_time_ms_imp"], strategy: .median))
        stages.append(VectorAssembler(inputColumns: ["response_time_ms_imp"] + categoricalColumns.map { "\($0)_vec" },
                                      outputColumn: "features", handleInvalid: .keep))
        stages.append(LogisticRegression(maxIterations: 100, regularization: 0.01))
        return Pipeline(uid: "ChurnPipeline", stages: stages)
    }

    /// Builds the table, holds out `user_id % 5 == 0`, fits and evaluates.
    public static func train(dataDirectory: String) throws -> TrainingReport {
        let table = try table(dataDirectory: dataDirectory)
        let users = try table.column("user_id")
        guard case .int64(let ids) = users.storage else { throw TrainingError.missingUserIDs }
        let heldOut = ids.indices.map { !users.isNull($0) && ids[$0] % 5 == 0 }
        return try TrainingReport.fit(pipeline(), train: table.filter(heldOut.map { !$0 }), test: table.filter(heldOut),
                                      split: "user_id % 5 == 0 held out")
    }
}
