internal import CXGBoost

/// Owns one `BoosterHandle` and frees it in `deinit`; every call on the handle goes through
/// here. Callers serialize access (``Booster`` holds it behind a lock): XGBoost returns
/// prediction and model buffers that stay valid only until the next call on the same booster.
///
/// `@unchecked Sendable` because it owns a C handle: it is used by one task while a model is
/// trained or loaded, and only under ``Booster``'s lock once published.
final class BoosterHandleOwner: @unchecked Sendable {
    let handle: BoosterHandle

    /// A booster caching `matrices` (the training data), or an empty one to load a model into.
    init(caching matrices: [DMatrixHandleOwner] = []) throws(XGBoostError) {
        var handles: [DMatrixHandle?] = matrices.map { $0.handle }
        var out: BoosterHandle?
        let status = handles.withUnsafeMutableBufferPointer { buffer in
            XGBoosterCreate(buffer.baseAddress, bst_ulong(buffer.count), &out)
        }
        try XGBoostCall.check(status, "XGBoosterCreate")
        guard let out else { throw .library(function: "XGBoosterCreate", message: "returned no handle") }
        handle = out
        withExtendedLifetime(matrices) {}
    }

    func setParameter(_ name: String, _ value: String) throws(XGBoostError) {
        try XGBoostCall.check(XGBoosterSetParam(handle, name, value), "XGBoosterSetParam(\(name)=\(value))")
    }

    /// Runs boosting round `iteration` on `matrix`.
    func updateOneIteration(_ iteration: Int, _ matrix: DMatrixHandleOwner) throws(XGBoostError) {
        try XGBoostCall.check(XGBoosterUpdateOneIter(handle, Int32(iteration), matrix.handle), "XGBoosterUpdateOneIter")
    }

    /// Predicts from a dense buffer described by an `__array_interface__` JSON; `body` reads the
    /// result before the next call on this booster can overwrite it.
    func predictFromDense<R>(
        arrayInterface: String, configuration: String, _ body: (UnsafeBufferPointer<Float>) -> R
    ) throws(XGBoostError) -> R {
        var shape: UnsafePointer<bst_ulong>?
        var dimension: bst_ulong = 0
        var result: UnsafePointer<Float>?
        try XGBoostCall.check(
            XGBoosterPredictFromDense(handle, arrayInterface, configuration, nil, &shape, &dimension, &result),
            "XGBoosterPredictFromDense")
        guard let shape, let result else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        var count = 1
        for axis in 0..<Int(dimension) { count *= Int(shape[axis]) }
        return body(UnsafeBufferPointer(start: result, count: count))
    }

    /// The model serialized in `format` (`json` or `ubj`).
    func saveModel(format: String) throws(XGBoostError) -> [UInt8] {
        var length: bst_ulong = 0
        var bytes: UnsafePointer<CChar>?
        try XGBoostCall.check(XGBoosterSaveModelToBuffer(handle, "{\"format\": \"\(format)\"}", &length, &bytes),
                              "XGBoosterSaveModelToBuffer")
        guard let bytes else { return [] }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// Replaces the model by one saved as JSON or UBJSON.
    func loadModel(_ bytes: [UInt8]) throws(XGBoostError) {
        let status = bytes.withUnsafeBytes { XGBoosterLoadModelFromBuffer(handle, $0.baseAddress, bst_ulong($0.count)) }
        try XGBoostCall.check(status, "XGBoosterLoadModelFromBuffer")
    }

    /// The number of features the model was trained on.
    func featureCount() throws(XGBoostError) -> Int {
        var out: bst_ulong = 0
        try XGBoostCall.check(XGBoosterGetNumFeature(handle, &out), "XGBoosterGetNumFeature")
        return Int(out)
    }

    /// The number of boosting rounds the model holds.
    func boostedRounds() throws(XGBoostError) -> Int {
        var out: Int32 = 0
        try XGBoostCall.check(XGBoosterBoostedRounds(handle, &out), "XGBoosterBoostedRounds")
        return Int(out)
    }

    deinit {
        // The status is ignored: a failed free leaves nothing to recover.
        _ = XGBoosterFree(handle)
    }
}
