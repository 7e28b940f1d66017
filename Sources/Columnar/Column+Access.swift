extension Column {
    /// The `Int32` buffer of an `int` column.
    public var int32Values: [Int32] {
        if case .int32(let values) = storage { return values }
        preconditionFailure("column of type \(type) read as int")
    }

    /// The `Int64` buffer of a `long` or `timestamp` column.
    public var int64Values: [Int64] {
        if case .int64(let values) = storage { return values }
        preconditionFailure("column of type \(type) read as long")
    }

    /// The `Double` buffer of a `double` column.
    public var doubleValues: [Double] {
        if case .float64(let values) = storage { return values }
        preconditionFailure("column of type \(type) read as double")
    }

    /// The buffer of a `boolean` column.
    public var booleanValues: [Bool] {
        if case .boolean(let values) = storage { return values }
        preconditionFailure("column of type \(type) read as boolean")
    }

    /// The strings of a `string` column.
    public var strings: StringBuffer {
        if case .utf8(let buffer) = storage { return buffer }
        preconditionFailure("column of type \(type) read as string")
    }

    /// The child columns of a struct column.
    public var children: [Column] {
        if case .structure(let columns) = storage { return columns }
        preconditionFailure("column of type \(type) read as struct")
    }

    /// Row `row` as a ``Scalar`` (allocates for strings and nested values: not for hot paths).
    public func scalar(at row: Int) -> Scalar {
        if isNull(row) { return .null }
        switch storage {
        case .int32(let v): return .int(v[row])
        case .int64(let v): return type == .timestamp ? .timestamp(v[row]) : .long(v[row])
        case .float64(let v): return .double(v[row])
        case .boolean(let v): return .boolean(v[row])
        case .utf8(let b): return .string(b.string(row))
        case .structure(let columns): return .structure(columns.map { $0.scalar(at: row) })
        case .list(let offsets, let values):
            return .array((Int(offsets[row])..<Int(offsets[row + 1])).map { values.scalar(at: $0) })
        }
    }

    /// All rows as scalars (for tests and small outputs).
    public var scalars: [Scalar] { (0..<count).map { scalar(at: $0) } }
}
