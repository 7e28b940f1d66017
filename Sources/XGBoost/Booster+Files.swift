import Foundation

extension Booster {
    /// Writes the model as XGBoost's JSON document to `path` (Python:
    /// `xgboost.Booster(model_file=path)` loads it).
    public func save(to path: String) throws(XGBoostError) {
        let bytes = try jsonModel()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw .io(path: path, detail: "cannot write the XGBoost model; check that the directory exists and is writable")
        }
    }

    /// Loads a model saved as JSON (or UBJSON) from `path`.
    public static func load(path: String, threads: Int = 1) throws(XGBoostError) -> Booster {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, detail: "cannot read the XGBoost model file")
        }
        return try Booster(model: [UInt8](data), threads: threads)
    }
}
