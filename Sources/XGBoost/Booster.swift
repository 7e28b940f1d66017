import Synchronization

/// A gradient-boosted tree model held by XGBoost: trained from a ``DMatrix``, or loaded from
/// a saved JSON model, and then used to predict.
///
/// A booster is `Sendable` and safe to share: every call on the C handle runs under one lock,
/// because XGBoost hands back prediction buffers that the next call on the same booster
/// overwrites. Scoring many batches from many tasks therefore serializes on the booster; with
/// `nthread = 1` that is what a 2-core machine wants anyway.
///
/// ```swift
/// let data = try DMatrix(values: features, rows: n, columns: 39, labels: labels)
/// let booster = try Booster.train(parameters: BoosterParameters(maxDepth: 5, eta: 0.1), rounds: 20, data: data)
/// let probabilities = try booster.predict(features, rows: n, columns: 39)
/// try booster.save(to: "model.json")   // loadable by Python's xgboost.Booster(model_file=…)
/// ```
public final class Booster: Sendable {
    private let owner: Mutex<BoosterHandleOwner>
    /// The number of features the model expects.
    public let featureCount: Int
    /// The number of boosting rounds (trees, for a binary model).
    public let rounds: Int

    init(owner: sending BoosterHandleOwner) throws(XGBoostError) {
        featureCount = try owner.featureCount()
        rounds = try owner.boostedRounds()
        self.owner = Mutex(owner)
    }

    /// Trains `rounds` boosting rounds on `data` (which must carry labels).
    /// - Throws: ``XGBoostError/library(function:message:)`` for a parameter XGBoost refuses
    ///   (the message names it) or data without labels.
    public static func train(parameters: BoosterParameters, rounds: Int, data: DMatrix) throws(XGBoostError) -> Booster {
        let owner = try BoosterHandleOwner(caching: [data.owner])
        for (name, value) in parameters.pairs { try owner.setParameter(name, value) }
        for iteration in 0..<rounds { try owner.updateOneIteration(iteration, data.owner) }
        return try Booster(owner: owner)
    }

    /// A booster from a model saved as JSON (or UBJSON) by XGBoost 1.x or later, set to score
    /// with `threads` threads.
    public convenience init(model bytes: [UInt8], threads: Int = 1) throws(XGBoostError) {
        let owner = try BoosterHandleOwner()
        try owner.loadModel(bytes)
        try owner.setParameter("nthread", String(threads))
        try self.init(owner: owner)
    }

    /// The model as XGBoost's JSON document.
    public func jsonModel() throws(XGBoostError) -> [UInt8] {
        try owner.withLock { (owner) throws(XGBoostError) -> [UInt8] in try owner.saveModel(format: "json") }
    }

    /// Predicts `rows` rows of `columns` doubles (row-major, NaN missing): one value per row,
    /// the probability of class 1 for `binary:logistic` or the raw margin (log-odds).
    /// - Throws: ``XGBoostError/shapeMismatch(detail:)`` when the buffer is not `rows × columns`.
    public func predict(_ values: [Double], rows: Int, columns: Int, output: PredictionOutput = .value) throws(XGBoostError) -> [Double] {
        try checkShape(values.count, rows: rows, columns: columns)
        return try values.withUnsafeBufferPointer { (buffer) throws(XGBoostError) -> [Double] in
            try predictDense(address: buffer.baseAddress.map { UInt(bitPattern: $0) } ?? 0, typeString: "<f8",
                             rows: rows, columns: columns, output: output)
        }
    }

    /// Predicts `rows` rows of `columns` floats (row-major, NaN missing); see
    /// ``predict(_:rows:columns:output:)-(([Double],_,_,_))``.
    public func predict(_ values: [Float], rows: Int, columns: Int, output: PredictionOutput = .value) throws(XGBoostError) -> [Double] {
        try checkShape(values.count, rows: rows, columns: columns)
        return try values.withUnsafeBufferPointer { (buffer) throws(XGBoostError) -> [Double] in
            try predictDense(address: buffer.baseAddress.map { UInt(bitPattern: $0) } ?? 0, typeString: "<f4",
                             rows: rows, columns: columns, output: output)
        }
    }

    private func checkShape(_ count: Int, rows: Int, columns: Int) throws(XGBoostError) {
        guard rows >= 0, count == rows * columns else {
            throw .shapeMismatch(detail: "\(count) values for \(rows) rows × \(columns) columns")
        }
        guard columns == featureCount || rows == 0 else {
            throw .shapeMismatch(detail: "the model has \(featureCount) features, the rows \(columns)")
        }
    }

    private func predictDense(address: UInt, typeString: String, rows: Int, columns: Int,
                              output: PredictionOutput) throws(XGBoostError) -> [Double] {
        if rows == 0 { return [] }
        // XGBoost reads the buffer through NumPy's __array_interface__ description (version 3).
        let interface = "{\"data\": [\(address), true], \"shape\": [\(rows), \(columns)], \"typestr\": \"\(typeString)\", \"version\": 3}"
        // 1.7 needs "cache_id"; "missing" NaN is also the default.
        let configuration = "{\"type\": \(output.rawValue), \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, "
            + "\"strict_shape\": false, \"cache_id\": 0, \"missing\": NaN}"
        return try owner.withLock { (owner) throws(XGBoostError) -> [Double] in
            try owner.predictFromDense(arrayInterface: interface, configuration: configuration) { result in
                result.map { Double($0) }
            }
        }
    }
}

/// What ``Booster`` predictions hold.
public enum PredictionOutput: Int, Sendable {
    /// The objective's transformed output: the probability of class 1 for `binary:logistic`.
    case value = 0
    /// The untransformed margin (log-odds for `binary:logistic`).
    case margin = 1
}
