/// Training data for XGBoost: a dense row-major matrix of features, NaN for a missing value,
/// with one label per row.
///
/// XGBoost keeps its own copy of the values (as 32-bit floats, XGBoost's precision), so the
/// Swift buffers can go as soon as the matrix exists. A matrix is not `Sendable`: XGBoost
/// caches per-matrix state while training on it.
///
/// ```swift
/// let data = try DMatrix(values: [1, .nan, 0, 2], rows: 2, columns: 2, labels: [0, 1])
/// ```
public struct DMatrix {
    let owner: DMatrixHandleOwner
    /// The number of rows.
    public let rowCount: Int
    /// The number of features per row.
    public let columnCount: Int

    /// A matrix of `rows × columns` floats, row-major; NaN marks a missing value.
    /// - Parameter labels: one label per row (0 or 1 for `binary:logistic`), or nil for data
    ///   that will only be predicted.
    /// - Throws: ``XGBoostError/shapeMismatch(detail:)`` when the counts disagree.
    public init(values: [Float], rows: Int, columns: Int, labels: [Float]? = nil) throws(XGBoostError) {
        guard rows >= 0, columns > 0, values.count == rows * columns else {
            throw .shapeMismatch(detail: "\(values.count) values for \(rows) rows × \(columns) columns")
        }
        if let labels, labels.count != rows {
            throw .shapeMismatch(detail: "\(labels.count) labels for \(rows) rows")
        }
        let created: Result<DMatrixHandleOwner, XGBoostError> = values.withUnsafeBufferPointer { buffer in
            do throws(XGBoostError) {
                return .success(try DMatrixHandleOwner(values: buffer, rows: rows, columns: columns, missing: .nan))
            } catch {
                return .failure(error)
            }
        }
        let matrix = try created.get()
        if let labels {
            let set: Result<Void, XGBoostError> = labels.withUnsafeBufferPointer { buffer in
                do throws(XGBoostError) {
                    return .success(try matrix.setFloatInfo("label", buffer))
                } catch {
                    return .failure(error)
                }
            }
            try set.get()
        }
        owner = matrix
        rowCount = rows
        columnCount = columns
    }

    /// A matrix from doubles (converted to floats, as XGBoost stores them); NaN marks a missing
    /// value.
    public init(values: [Double], rows: Int, columns: Int, labels: [Double]? = nil) throws(XGBoostError) {
        try self.init(values: values.map { Float($0) }, rows: rows, columns: columns, labels: labels?.map { Float($0) })
    }
}
