internal import CXGBoost

/// Owns one `DMatrixHandle` and frees it when the last reference goes.
///
/// Not `Sendable`: XGBoost may fill caches inside a matrix while training on it, so a matrix
/// stays with the task that made it.
final class DMatrixHandleOwner {
    let handle: DMatrixHandle

    /// A matrix of `rows × columns` floats, row-major, `missing` marking absent values (NaN).
    init(values: UnsafeBufferPointer<Float>, rows: Int, columns: Int, missing: Float) throws(XGBoostError) {
        var out: DMatrixHandle?
        try XGBoostCall.check(
            XGDMatrixCreateFromMat_omp(values.baseAddress, bst_ulong(rows), bst_ulong(columns), missing, &out, 1),
            "XGDMatrixCreateFromMat_omp")
        guard let out else { throw .library(function: "XGDMatrixCreateFromMat_omp", message: "returned no handle") }
        handle = out
    }

    /// Sets a float field of the matrix's meta information (`label`, `weight`, `base_margin`).
    func setFloatInfo(_ field: String, _ values: UnsafeBufferPointer<Float>) throws(XGBoostError) {
        try XGBoostCall.check(XGDMatrixSetFloatInfo(handle, field, values.baseAddress, bst_ulong(values.count)),
                              "XGDMatrixSetFloatInfo(\(field))")
    }

    /// The number of rows.
    func rowCount() throws(XGBoostError) -> Int {
        var out: bst_ulong = 0
        try XGBoostCall.check(XGDMatrixNumRow(handle, &out), "XGDMatrixNumRow")
        return Int(out)
    }

    /// The number of columns.
    func columnCount() throws(XGBoostError) -> Int {
        var out: bst_ulong = 0
        try XGBoostCall.check(XGDMatrixNumCol(handle, &out), "XGDMatrixNumCol")
        return Int(out)
    }

    deinit {
        // The status is ignored: a failed free leaves nothing to recover.
        _ = XGDMatrixFree(handle)
    }
}
