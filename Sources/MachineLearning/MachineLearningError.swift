public import Columnar
public import Parquet
public import XGBoost

/// Errors raised while loading or applying machine-learning stages.
///
/// Cases split by blame: the model directory (``unknownStage``, ``invalidModel``,
/// ``unreadableData``, ``unsavableStage``), the data being scored or fitted (``missingColumn``,
/// ``unsupportedColumnType``, ``invalidValue``, ``cannotFit``), the features handed to a model
/// (``featureCountMismatch``), an estimator's settings (``invalidParameter``) and XGBoost
/// (``xgboost``).
/// Each case names the stage (its Spark uid or class) so that a failure inside a ten-stage
/// pipeline points at the stage to look at.
public enum MachineLearningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A saved stage's class is not one Stream360 can load (`className` is Spark's, e.g.
    /// `org.apache.spark.ml.feature.Bucketizer`); `path` is the stage directory.
    case unknownStage(className: String, path: String)
    /// A model directory or its metadata is not what Spark writes: a missing file, a missing or
    /// ill-typed parameter, inconsistent tree nodes.
    case invalidModel(path: String, detail: String)
    /// A stage's Parquet data could not be read.
    case unreadableData(path: String, ParquetError)
    /// A stage needs a column the batch does not have.
    case missingColumn(stage: String, column: String, available: [String])
    /// A stage cannot read a column of this type (e.g. an Imputer given strings).
    case unsupportedColumnType(stage: String, column: String, type: String)
    /// A value that the stage's `handleInvalid = "error"` (or its nature) refuses: a null, an
    /// unseen label, NaN, a negative category index. `value` is cut to 100 characters.
    case invalidValue(stage: String, column: String, row: Int, value: String, hint: String)
    /// A feature vector does not have the length the model was trained on.
    case featureCountMismatch(stage: String, expected: Int, actual: Int)
    /// An estimator's parameter is out of range or not supported (`detail` says which and why).
    case invalidParameter(stage: String, detail: String)
    /// The training data do not allow fitting: no rows, a column with only missing values, a
    /// single label class.
    case cannotFit(stage: String, detail: String)
    /// A stage that Stream360 cannot write in its own model format (e.g. a Spark-trained tree
    /// ensemble); `className` is the stage's type.
    case unsavableStage(stage: String, className: String)
    /// A model directory could not be written (`detail` says what failed).
    case unwritableModel(path: String, detail: String)
    /// XGBoost refused a call while fitting, scoring, saving or loading `stage`.
    case xgboost(stage: String, XGBoostError)

    public var description: String {
        switch self {
        case .unknownStage(let className, let path):
            return "\(path): stage class \(className) is not supported by Stream360; "
                + "supported: \(SparkStageLoader.supportedClasses.sorted().joined(separator: ", "))"
        case .invalidModel(let path, let detail):
            return "\(path): not a valid Spark ML model directory: \(detail)"
        case .unreadableData(let path, let error):
            return "\(path): cannot read the model data: \(error)"
        case .missingColumn(let stage, let column, let available):
            return "stage \(stage) needs column '\(column)', which the batch does not have; available: "
                + available.prefix(60).joined(separator: ", ")
        case .unsupportedColumnType(let stage, let column, let type):
            return "stage \(stage) cannot read column '\(column)' of type \(type)"
        case .invalidValue(let stage, let column, let row, let value, let hint):
            return "stage \(stage): column '\(column)' row \(row) holds \(value.prefix(100)); \(hint)"
        case .featureCountMismatch(let stage, let expected, let actual):
            return "stage \(stage) expects feature vectors of length \(expected), got \(actual); "
                + "check the assembler's input columns"
        case .invalidParameter(let stage, let detail):
            return "stage \(stage): invalid parameter: \(detail)"
        case .cannotFit(let stage, let detail):
            return "stage \(stage) cannot be fitted: \(detail)"
        case .unsavableStage(let stage, let className):
            return "stage \(stage) (\(className)) cannot be saved in Stream360's model format; "
                + "keep the Spark model directory it was loaded from"
        case .unwritableModel(let path, let detail):
            return "\(path): cannot write the model: \(detail)"
        case .xgboost(let stage, let error):
            return "stage \(stage): \(error)"
        }
    }
}

extension RecordBatch {
    /// The index of column `name` (case-insensitive, as Spark resolves names), or a
    /// ``MachineLearningError/missingColumn(stage:column:available:)`` naming `stage`.
    func columnIndex(_ name: String, stage: String) throws(MachineLearningError) -> Int {
        let found: Int?
        do {
            found = try schema.index(of: name)
        } catch {
            found = nil
        }
        guard let found else { throw .missingColumn(stage: stage, column: name, available: schema.names) }
        return found
    }

    /// This batch with `columns` added under `fields`, replacing any columns of the same names
    /// (Spark's `withColumns`).
    func replacingOrAppending(_ fields: [Field], _ added: [Column]) -> RecordBatch {
        var schemaFields = schema.fields
        var allColumns = columns
        for (field, column) in zip(fields, added) {
            if let existing = schemaFields.firstIndex(where: { $0.name.lowercased() == field.name.lowercased() }) {
                schemaFields[existing] = field
                allColumns[existing] = column
            } else {
                schemaFields.append(field)
                allColumns.append(column)
            }
        }
        return RecordBatch(trusted: Schema(schemaFields), columns: allColumns, rowCount: rowCount)
    }
}
