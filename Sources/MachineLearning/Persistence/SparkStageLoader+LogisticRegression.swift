import Columnar

extension SparkStageLoader {
    /// A `LogisticRegressionModel` from its data row: `numClasses`, `numFeatures`,
    /// `interceptVector` (a Spark vector), `coefficientMatrix` (a Spark matrix), `isMultinomial`.
    static func logisticRegression(_ metadata: SparkMetadata) throws(MachineLearningError) -> LogisticRegressionModel {
        let table = try data(metadata)
        func field(_ name: String) throws(MachineLearningError) -> Scalar {
            guard table.rowCount == 1, let index = table.schema.fields.firstIndex(where: { $0.name == name }) else {
                throw .invalidModel(path: metadata.path, detail: "LogisticRegressionModel data has no \(name)")
            }
            return table.columns[index].scalar(at: 0)
        }
        guard case .boolean(let isMultinomial) = try field("isMultinomial") else {
            throw .invalidModel(path: metadata.path, detail: "isMultinomial is not a boolean")
        }
        let intercepts = try vector(try field("interceptVector"), path: metadata.path)
        let coefficients = try matrix(try field("coefficientMatrix"), path: metadata.path)
        guard coefficients.count == intercepts.count, !coefficients.isEmpty else {
            throw .invalidModel(path: metadata.path, detail: "\(coefficients.count) coefficient rows for \(intercepts.count) intercepts")
        }
        return LogisticRegressionModel(
            uid: metadata.uid, coefficients: coefficients, intercepts: intercepts, isMultinomial: isMultinomial,
            threshold: metadata.double("threshold", default: 0.5), columns: metadata.classifierColumns())
    }

    /// Spark's vector struct `(type: 0 sparse / 1 dense, size, indices, values)` as dense values.
    static func vector(_ value: Scalar, path: String) throws(MachineLearningError) -> [Double] {
        guard case .structure(let parts) = value, parts.count == 4 else {
            throw .invalidModel(path: path, detail: "a vector is not struct<type,size,indices,values>")
        }
        let values = doubles(parts[3])
        if integer(parts[0]) == 1 { return values }
        guard let size = integer(parts[1]) else { throw .invalidModel(path: path, detail: "a sparse vector has no size") }
        var dense = [Double](repeating: 0, count: size)
        for (index, v) in zip(integers(parts[2]), values) where index >= 0 && index < size { dense[index] = v }
        return dense
    }

    /// Spark's matrix struct `(type: 0 sparse / 1 dense, numRows, numCols, colPtrs, rowIndices,
    /// values, isTransposed)` as rows. Dense values are column-major unless transposed; sparse
    /// ones are compressed columns (compressed rows when transposed).
    static func matrix(_ value: Scalar, path: String) throws(MachineLearningError) -> [[Double]] {
        guard case .structure(let parts) = value, parts.count == 7, let rows = integer(parts[1]), let columns = integer(parts[2]),
              case .boolean(let transposed) = parts[6]
        else { throw .invalidModel(path: path, detail: "a matrix is not struct<type,numRows,numCols,colPtrs,rowIndices,values,isTransposed>") }
        let values = doubles(parts[5])
        var result = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
        if integer(parts[0]) == 1 {
            guard values.count == rows * columns else { throw .invalidModel(path: path, detail: "a dense matrix has \(values.count) values") }
            for i in 0..<rows {
                for j in 0..<columns { result[i][j] = transposed ? values[i * columns + j] : values[i + j * rows] }
            }
            return result
        }
        let pointers = integers(parts[3])
        let minor = integers(parts[4])
        let major = transposed ? rows : columns
        guard pointers.count == major + 1 else { throw .invalidModel(path: path, detail: "a sparse matrix has \(pointers.count) pointers") }
        for outer in 0..<major {
            for k in pointers[outer]..<pointers[outer + 1] where k < minor.count && k < values.count {
                let (i, j) = transposed ? (outer, minor[k]) : (minor[k], outer)
                guard i < rows, j < columns else { throw .invalidModel(path: path, detail: "a sparse matrix entry is out of range") }
                result[i][j] = values[k]
            }
        }
        return result
    }

    private static func integer(_ value: Scalar) -> Int? {
        switch value {
        case .int(let v): Int(v)
        case .long(let v): Int(v)
        default: nil
        }
    }

    private static func integers(_ value: Scalar) -> [Int] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(integer)
    }

    private static func doubles(_ value: Scalar) -> [Double] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { if case .double(let v) = $0 { v } else { nil } }
    }
}
