extension Column {
    /// A column from scalars (for tests, literals and small results).
    public init(_ type: DataType, _ values: [Scalar]) {
        var builder = ColumnBuilder(type: type, capacity: values.count)
        for value in values { builder.append(scalar: value) }
        self = builder.finish()
    }

    /// A column of `count` copies of `value`.
    public init(repeating value: Scalar, type: DataType, count: Int) {
        switch (value, type) {
        case (.null, .int): self.init(type: type, count: count, validity: ValidityBitmap(repeating: false, count: count), storage: .int32(Array(repeating: 0, count: count)))
        case (.null, .long), (.null, .timestamp):
            self.init(type: type, count: count, validity: ValidityBitmap(repeating: false, count: count), storage: .int64(Array(repeating: 0, count: count)))
        case (.null, .double): self.init(type: type, count: count, validity: ValidityBitmap(repeating: false, count: count), storage: .float64(Array(repeating: 0, count: count)))
        case (.int(let v), .int): self.init(type: type, count: count, validity: nil, storage: .int32(Array(repeating: v, count: count)))
        case (.long(let v), .long), (.timestamp(let v), .timestamp):
            self.init(type: type, count: count, validity: nil, storage: .int64(Array(repeating: v, count: count)))
        case (.double(let v), .double): self.init(type: type, count: count, validity: nil, storage: .float64(Array(repeating: v, count: count)))
        case (.boolean(let v), .boolean): self.init(type: type, count: count, validity: nil, storage: .boolean(Array(repeating: v, count: count)))
        case (.string(let v), .string):
            let utf8 = Array(v.utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count * count)
            for _ in 0..<count { bytes.append(contentsOf: utf8) }
            let offsets = (0...count).map { Int32(truncatingIfNeeded: $0 * utf8.count) }
            self.init(type: type, count: count, validity: nil, storage: .utf8(StringBuffer(offsets: offsets, bytes: bytes)))
        default:
            self.init(slowRepeating: value, type: type, count: count)
        }
    }

    private init(slowRepeating value: Scalar, type: DataType, count: Int) {
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
