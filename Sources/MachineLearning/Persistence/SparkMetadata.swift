import Foundation

/// The `metadata/part-00000` JSON Spark writes for every saved stage: its class, uid, Spark
/// version, the parameters set explicitly (`paramMap`) and their defaults (`defaultParamMap`),
/// plus model-specific keys such as `numFeatures`, `numTrees` or `numClasses`.
struct SparkMetadata {
    let className: String
    let uid: String
    let sparkVersion: String
    /// The stage directory this was read from.
    let path: String
    private let object: [String: Any]
    private let params: [String: Any]
    private let defaults: [String: Any]

    /// Reads `<directory>/metadata/` (its one visible part file).
    init(directory: String) throws(MachineLearningError) {
        path = directory
        let metadataDirectory = directory + "/metadata"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: metadataDirectory)
        } catch {
            throw .invalidModel(path: directory, detail: "no metadata/ directory")
        }
        guard let part = names.filter({ !$0.hasPrefix("_") && !$0.hasPrefix(".") }).sorted().first,
              let data = FileManager.default.contents(atPath: metadataDirectory + "/" + part)
        else { throw .invalidModel(path: directory, detail: "metadata/ holds no part file") }
        let firstLine = data.split(separator: UInt8(ascii: "\n")).first ?? data[...]
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(firstLine)), let object = parsed as? [String: Any],
              let className = object["class"] as? String
        else { throw .invalidModel(path: directory, detail: "metadata/\(part) is not a JSON object with a class") }
        self.object = object
        self.className = className
        uid = object["uid"] as? String ?? ""
        sparkVersion = object["sparkVersion"] as? String ?? ""
        params = object["paramMap"] as? [String: Any] ?? [:]
        defaults = object["defaultParamMap"] as? [String: Any] ?? [:]
    }

    /// The short class name: `StringIndexerModel` for `org.apache.spark.ml.feature.StringIndexerModel`.
    var shortClassName: String { className.split(separator: ".").last.map(String.init) ?? className }

    /// A parameter's value: set explicitly, else its default, else nil.
    func param(_ name: String) -> Any? { params[name] ?? defaults[name] }

    func string(_ name: String) throws(MachineLearningError) -> String {
        guard let value = param(name) as? String else { throw missing(name, "a string") }
        return value
    }

    func optionalString(_ name: String) -> String? { param(name) as? String }

    func strings(_ name: String) throws(MachineLearningError) -> [String] {
        guard let value = param(name) as? [String] else { throw missing(name, "a list of strings") }
        return value
    }

    func bool(_ name: String, default fallback: Bool) -> Bool { param(name) as? Bool ?? fallback }

    /// A number parameter; Spark writes NaN and infinities as strings ("NaN").
    func double(_ name: String, default fallback: Double) -> Double {
        switch param(name) {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text) ?? fallback
        default: fallback
        }
    }

    /// A top-level integer such as `numFeatures`.
    func topLevelInt(_ name: String) throws(MachineLearningError) -> Int {
        guard let value = object[name] as? NSNumber else { throw missing(name, "a top-level integer") }
        return value.intValue
    }

    /// `inputCols`/`outputCols` when set, else the single `inputCol`/`outputCol`.
    func columnPairs() throws(MachineLearningError) -> (inputs: [String], outputs: [String]) {
        if let inputs = param("inputCols") as? [String], let outputs = param("outputCols") as? [String] {
            return (inputs, outputs)
        }
        return ([try string("inputCol")], [try string("outputCol")])
    }

    func handleInvalid() throws(MachineLearningError) -> HandleInvalid {
        let text = optionalString("handleInvalid") ?? "error"
        guard let value = HandleInvalid(rawValue: text) else { throw missing("handleInvalid", "error, skip or keep") }
        return value
    }

    /// The classifier's feature and output column names.
    func classifierColumns() -> ClassifierColumns {
        ClassifierColumns(
            features: optionalString("featuresCol") ?? "features",
            rawPrediction: optionalString("rawPredictionCol") ?? "rawPrediction",
            probability: optionalString("probabilityCol") ?? "probability",
            prediction: optionalString("predictionCol") ?? "prediction")
    }

    private func missing(_ name: String, _ kind: String) -> MachineLearningError {
        .invalidModel(path: path, detail: "\(shortClassName) parameter \(name) is missing or not \(kind)")
    }
}
