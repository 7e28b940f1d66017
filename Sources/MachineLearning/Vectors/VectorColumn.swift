public import Columnar

/// How Stream360 stores Spark ML vectors in a ``Column``.
///
/// Spark keeps vectors as a user-defined type over
/// `struct<type:tinyint,size:int,indices:array<int>,values:array<double>>`, one object per row.
/// Stream360 keeps them as plain columnar types instead, so that kernels read flat `Double`
/// buffers:
///
/// - **dense**: `array<double>`: a list column whose row `i` is
///   `values[offsets[i] ..< offsets[i + 1]]`. A batch's dense vectors usually share one length,
///   so the element buffer is a row-major matrix. The assembler and the models' `rawPrediction`
///   and `probability` use this form.
/// - **sparse**: `struct<size:int, indices:array<int>, values:array<double>>` (``sparseType``),
///   the form the one-hot encoder writes: one active index per row at most.
///
/// A null row is a null vector. Spark's `VectorAssembler` may emit either form per row
/// (`Vector.compressed`); Stream360's always emits dense vectors, which hold the same values.
public enum VectorColumn {
    /// The type of a dense vector column.
    public static let denseType = DataType.array(.double)

    /// The type of a sparse vector column.
    public static let sparseType = DataType.structure([
        Field("size", .int, nullable: false),
        Field("indices", .array(.int), nullable: false),
        Field("values", .array(.double), nullable: false),
    ])

    /// Whether `type` is one of the two vector forms.
    public static func isVector(_ type: DataType) -> Bool {
        type == denseType || type == sparseType
    }

    /// A dense vector column of `rowCount` rows of `width` values each, from a row-major buffer.
    public static func dense(_ values: [Double], width: Int, rowCount: Int, validity: ValidityBitmap? = nil) -> Column {
        precondition(values.count == width * rowCount, "a dense vector buffer holds width × rows values")
        let offsets = (0...rowCount).map { Int32(truncatingIfNeeded: $0 * width) }
        let elements = Column(type: .double, count: values.count, validity: nil, storage: .float64(values))
        return Column(type: denseType, count: rowCount, validity: validity, storage: .list(offsets: offsets, values: elements))
    }

    /// A sparse vector column of vectors of length `size`, with at most one active entry per row
    /// (`active[i]`, nil for an all-zero vector) whose value is 1: a one-hot encoding.
    public static func oneHot(active: [Int32?], size: Int, validity: ValidityBitmap?) -> Column {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(active.count + 1)
        var indices: [Int32] = []
        indices.reserveCapacity(active.count)
        for index in active {
            if let index { indices.append(index) }
            offsets.append(Int32(truncatingIfNeeded: indices.count))
        }
        let indexColumn = Column(
            type: .array(.int), count: active.count, validity: nil,
            storage: .list(offsets: offsets, values: Column(type: .int, count: indices.count, validity: nil, storage: .int32(indices))))
        let valueColumn = Column(
            type: .array(.double), count: active.count, validity: nil,
            storage: .list(offsets: offsets, values: Column(
                type: .double, count: indices.count, validity: nil,
                storage: .float64(Array(repeating: 1, count: indices.count)))))
        let sizes = Column(type: .int, count: active.count, validity: nil,
                           storage: .int32(Array(repeating: Int32(truncatingIfNeeded: size), count: active.count)))
        return Column(type: sparseType, count: active.count, validity: validity,
                      storage: .structure([sizes, indexColumn, valueColumn]))
    }
}
