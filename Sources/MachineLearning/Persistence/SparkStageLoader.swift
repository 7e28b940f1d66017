import Columnar
import Foundation
import Parquet

/// Turns one saved Spark ML stage directory into a ``Transformer`` (see `FORMAT.md`).
enum SparkStageLoader {
    /// The Spark classes this loader reads, by their short names.
    static let supportedClasses: Set<String> = [
        "PipelineModel", "StringIndexerModel", "ImputerModel", "VectorAssembler", "OneHotEncoderModel",
        "GBTClassificationModel", "RandomForestClassificationModel", "DecisionTreeClassificationModel",
        "LogisticRegressionModel",
    ]

    static func load(directory: String) throws(MachineLearningError) -> any Transformer {
        let metadata = try SparkMetadata(directory: directory)
        switch metadata.className {
        case "org.apache.spark.ml.PipelineModel":
            return try PipelineModel.load(directory: directory)
        case "org.apache.spark.ml.feature.StringIndexerModel":
            return try stringIndexer(metadata)
        case "org.apache.spark.ml.feature.ImputerModel":
            return try imputer(metadata)
        case "org.apache.spark.ml.feature.VectorAssembler":
            return VectorAssembler(uid: metadata.uid, inputColumns: try metadata.strings("inputCols"),
                                   outputColumn: try metadata.string("outputCol"), handleInvalid: try metadata.handleInvalid())
        case "org.apache.spark.ml.feature.OneHotEncoderModel":
            return try oneHotEncoder(metadata)
        case "org.apache.spark.ml.classification.GBTClassificationModel":
            return try gbtClassifier(metadata)
        case "org.apache.spark.ml.classification.RandomForestClassificationModel":
            let (trees, _) = try ensemble(metadata)
            return RandomForestClassificationModel(
                uid: metadata.uid, trees: trees, classCount: try metadata.topLevelInt("numClasses"),
                featureCount: try metadata.topLevelInt("numFeatures"), columns: metadata.classifierColumns())
        case "org.apache.spark.ml.classification.DecisionTreeClassificationModel":
            let trees = try DecisionTree.sparkTrees(try data(metadata), path: directory)
            guard let tree = trees[0], trees.count == 1 else {
                throw .invalidModel(path: directory, detail: "a decision tree model holds \(trees.count) trees")
            }
            return DecisionTreeClassificationModel(
                uid: metadata.uid, tree: tree, classCount: try metadata.topLevelInt("numClasses"),
                featureCount: try metadata.topLevelInt("numFeatures"), columns: metadata.classifierColumns())
        case "org.apache.spark.ml.classification.LogisticRegressionModel":
            return try logisticRegression(metadata)
        default:
            throw .unknownStage(className: metadata.className, path: directory)
        }
    }

    /// The stage's `data/` table.
    static func data(_ metadata: SparkMetadata, _ part: String = "data") throws(MachineLearningError) -> RecordBatch {
        let path = metadata.path + "/" + part
        do {
            return try readParquet(path: path)
        } catch {
            throw .unreadableData(path: path, error)
        }
    }

    private static func stringIndexer(_ metadata: SparkMetadata) throws(MachineLearningError) -> StringIndexerModel {
        let (inputs, outputs) = try metadata.columnPairs()
        let table = try data(metadata)
        let labels: [[String]]
        if let index = table.schema.fields.firstIndex(where: { $0.name == "labelsArray" || $0.name == "labels" }),
           table.rowCount == 1 {
            let value = table.columns[index].scalar(at: 0)
            func strings(_ scalar: Scalar) -> [String]? {
                guard case .array(let items) = scalar else { return nil }
                return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            }
            if case .array(let lists) = value, table.schema.fields[index].name == "labelsArray" {
                labels = lists.compactMap(strings)
            } else {
                labels = strings(value).map { [$0] } ?? []
            }
        } else {
            throw .invalidModel(path: metadata.path, detail: "StringIndexerModel data has no labelsArray row")
        }
        guard labels.count == inputs.count else {
            throw .invalidModel(path: metadata.path, detail: "\(labels.count) label lists for \(inputs.count) input columns")
        }
        return StringIndexerModel(uid: metadata.uid, inputColumns: inputs, outputColumns: outputs, labels: labels,
                                  handleInvalid: try metadata.handleInvalid())
    }

    private static func imputer(_ metadata: SparkMetadata) throws(MachineLearningError) -> ImputerModel {
        let (inputs, outputs) = try metadata.columnPairs()
        let table = try data(metadata)
        guard table.rowCount == 1 else {
            throw .invalidModel(path: metadata.path, detail: "ImputerModel data holds \(table.rowCount) rows, not 1")
        }
        var surrogates: [Double] = []
        for name in inputs {
            guard let index = table.schema.fields.firstIndex(where: { $0.name == name }),
                  case .double(let value) = table.columns[index].scalar(at: 0)
            else { throw .invalidModel(path: metadata.path, detail: "no surrogate for column \(name)") }
            surrogates.append(value)
        }
        return ImputerModel(uid: metadata.uid, inputColumns: inputs, outputColumns: outputs, surrogates: surrogates,
                            missingValue: metadata.double("missingValue", default: .nan))
    }

    private static func oneHotEncoder(_ metadata: SparkMetadata) throws(MachineLearningError) -> OneHotEncoderModel {
        let (inputs, outputs) = try metadata.columnPairs()
        let table = try data(metadata)
        guard table.rowCount == 1, let index = table.schema.fields.firstIndex(where: { $0.name == "categorySizes" }),
              case .array(let items) = table.columns[index].scalar(at: 0)
        else { throw .invalidModel(path: metadata.path, detail: "OneHotEncoderModel data has no categorySizes row") }
        let sizes = items.compactMap { if case .int(let v) = $0 { Int(v) } else { nil } }
        guard sizes.count == inputs.count else {
            throw .invalidModel(path: metadata.path, detail: "\(sizes.count) category sizes for \(inputs.count) input columns")
        }
        let handleInvalid = try metadata.handleInvalid()
        return OneHotEncoderModel(uid: metadata.uid, inputColumns: inputs, outputColumns: outputs, categorySizes: sizes,
                                  dropLast: metadata.bool("dropLast", default: true),
                                  handleInvalid: handleInvalid == .keep ? .keep : .error)
    }

    private static func gbtClassifier(_ metadata: SparkMetadata) throws(MachineLearningError) -> GBTClassificationModel {
        let (trees, weights) = try ensemble(metadata)
        return GBTClassificationModel(uid: metadata.uid, trees: trees, treeWeights: weights,
                                      featureCount: try metadata.topLevelInt("numFeatures"), columns: metadata.classifierColumns())
    }

    /// The trees of an ensemble (by tree id) and their weights from `treesMetadata/`.
    private static func ensemble(_ metadata: SparkMetadata) throws(MachineLearningError) -> ([DecisionTree], [Double]) {
        let byID = try DecisionTree.sparkTrees(try data(metadata), path: metadata.path + "/data")
        let info = try data(metadata, "treesMetadata")
        guard info.schema.names.starts(with: ["_1", "_2", "_3"]) else {
            throw .invalidModel(path: metadata.path + "/treesMetadata", detail: "expected columns _1 (tree id), _2, _3 (weight)")
        }
        var weights = [Double](repeating: .nan, count: byID.count)
        for row in 0..<info.rowCount {
            guard case .int(let id) = info.columns[0].scalar(at: row), case .double(let weight) = info.columns[2].scalar(at: row),
                  Int(id) >= 0, Int(id) < weights.count
            else { throw .invalidModel(path: metadata.path + "/treesMetadata", detail: "row \(row) is not (tree id, _, weight)") }
            weights[Int(id)] = weight
        }
        var trees: [DecisionTree] = []
        for id in 0..<byID.count {
            guard let tree = byID[id], !weights[id].isNaN else {
                throw .invalidModel(path: metadata.path, detail: "tree \(id) or its weight is missing")
            }
            trees.append(tree)
        }
        return (trees, weights)
    }
}
