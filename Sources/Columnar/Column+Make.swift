extension Column {
    /// A column from scalars (for tests, literals and small results).
    public init(_ type: DataType, _ values: [Scalar]) {
        var builder = ColumnBuilder(type: type, capacity: values.count)
        for value in values { builder.append(scalar: value) }
        self = builder.finish()
    }

    /// A column of `count` copies of `value`.
    public init(repeating value: Scalar, type: DataType, count: Int) {
        var builder = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.append(scalar: value) }
        self = builder.finish()
    }

    /// An `int` column; `nil` is null.
    public static func ints(_ values: [Int32?]) -> Column {
        Column(.int, values.map { $0.map(Scalar.int) ?? .null })
    }

    /// A `long` column; `nil` is null.
    public static func longs(_ values: [Int64?]) -> Column {
        Column(.long, values.map { $0.map(Scalar.long) ?? .null })
    }

    /// A `double` column; `nil` is null.
    public static func doubles(_ values: [Double?]) -> Column {
        Column(.double, values.map { $0.map(Scalar.double) ?? .null })
    }

    /// A `string` column; `nil` is null.
    public static func strings(_ values: [String?]) -> Column {
        Column(.string, values.map { $0.map(Scalar.string) ?? .null })
    }

    /// A `timestamp` column in microseconds; `nil` is null.
    public static func timestamps(_ values: [Int64?]) -> Column {
        Column(.timestamp, values.map { $0.map(Scalar.timestamp) ?? .null })
    }

    /// A `boolean` column; `nil` is null.
    public static func booleans(_ values: [Bool?]) -> Column {
        Column(.boolean, values.map { $0.map(Scalar.boolean) ?? .null })
    }
}
