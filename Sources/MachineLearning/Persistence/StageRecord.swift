/// One stage of a Stream360 model directory, as its `metadata.json` holds it (see FORMAT.md).
///
/// One flat record for every stage class keeps the format readable by eye and by other tools;
/// each class uses the fields listed for it in FORMAT.md and leaves the others out.
struct StageRecord: Codable, Sendable {
    /// `StringIndexerModel`, `ImputerModel`, `OneHotEncoderModel`, `VectorAssembler`,
    /// `StandardScalerModel`, `LogisticRegressionModel`, `XGBoostClassificationModel` or
    /// `PipelineModel`.
    var className: String
    var uid: String
    var inputColumns: [String]?
    var outputColumns: [String]?
    var inputColumn: String?
    var outputColumn: String?
    var handleInvalid: String?
    var labels: [[String]]?
    var surrogates: [Double]?
    var missingValue: Double?
    var categorySizes: [Int]?
    var dropLast: Bool?
    var vectorSizes: [String: Int]?
    var mean: [Double]?
    var std: [Double]?
    var withMean: Bool?
    var withStd: Bool?
    var coefficients: [[Double]]?
    var intercepts: [Double]?
    var isMultinomial: Bool?
    var threshold: Double?
    var featuresColumn: String?
    var rawPredictionColumn: String?
    var probabilityColumn: String?
    var predictionColumn: String?
    /// The XGBoost JSON model's file name, inside the stage directory.
    var modelFile: String?
    /// A nested pipeline's stage directories.
    var stages: [String]?
    /// Set on a pipeline's record: `stream360`, and the format's version.
    var format: String?
    var formatVersion: Int?

    enum CodingKeys: String, CodingKey {
        case className = "class"
        case uid, inputColumns, outputColumns, inputColumn, outputColumn, handleInvalid, labels, surrogates, missingValue
        case categorySizes, dropLast, vectorSizes, mean, std, withMean, withStd, coefficients, intercepts, isMultinomial
        case threshold, featuresColumn, rawPredictionColumn, probabilityColumn, predictionColumn, modelFile, stages
        case format, formatVersion
    }

    init(className: String, uid: String) {
        self.className = className
        self.uid = uid
    }

    /// The classifier output columns recorded here.
    var classifierColumns: ClassifierColumns {
        ClassifierColumns(features: featuresColumn ?? "features", rawPrediction: rawPredictionColumn ?? "rawPrediction",
                          probability: probabilityColumn ?? "probability", prediction: predictionColumn ?? "prediction")
    }

    mutating func record(_ columns: ClassifierColumns) {
        featuresColumn = columns.features
        rawPredictionColumn = columns.rawPrediction
        probabilityColumn = columns.probability
        predictionColumn = columns.prediction
    }
}
