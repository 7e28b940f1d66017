import Columnar

/// The feature vectors of a batch as one row-major `Double` buffer: what tree ensembles and
/// linear models read. Sparse vectors are expanded (features are few: tens, not millions).
struct FeatureMatrix {
    let rowCount: Int
    let width: Int
    let values: [Double]

    /// The vectors of `column`; every row must be a non-null vector of length `width`.
    init(_ column: Column, width: Int, stage: String, columnName: String) throws(MachineLearningError) {
        guard let view = VectorView(column) else {
            throw .unsupportedColumnType(stage: stage, column: columnName, type: column.type.description)
        }
        rowCount = column.count
        self.width = width
        if let shared = view.sharedDenseBuffer(width: width) {
            values = shared
            return
        }
        for row in 0..<column.count {
            if view.isNull(row) {
                throw .invalidValue(stage: stage, column: columnName, row: row, value: "null",
                                    hint: "a model needs a feature vector on every row")
            }
            let size = view.size(row)
            if size != width { throw .featureCountMismatch(stage: stage, expected: width, actual: size) }
        }
        let rows = column.count
        var buffer = [Double](repeating: 0, count: rows * width)
        buffer.withUnsafeMutableBufferPointer { target in
            for row in 0..<rows { view.scatter(row, into: target, at: row * width) }
        }
        values = buffer
    }
}
