/// Accumulates values of one ``DataType`` and finishes into an immutable ``Column``.
///
/// The builder keeps one typed array per primitive kind and uses only the one its type
/// needs, so appends never switch over an enum payload (which would copy the buffer).
/// Append methods must match the builder's type; a mismatch is a programming error.
///
/// The validity bitmap is allocated only when the first null arrives (then filled with the rows
/// appended so far); until then a value append touches nothing but its typed array.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    public private(set) var count = 0
    /// Empty until the first null; from then on one bit per row.
    private var validity = ValidityBitmap()
    private var hasNull = false
    /// The capacity asked for at `init`, reserved for the bitmap when the first null arrives.
    private let capacity: Int
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var strings = StringBuffer()
    /// Struct fields, or (for arrays) the single element builder.
    public var children: [ColumnBuilder] = []
    private var listOffsets: [Int32] = [0]

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        self.capacity = capacity
        switch type {
        case .int: int32s.reserveCapacity(capacity)
        case .long, .timestamp: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(rows: capacity, bytes: capacity * 8)
        case .structure(let fields): children = fields.map { ColumnBuilder(type: $0.type, capacity: capacity) }
        case .array(let element): children = [ColumnBuilder(type: element, capacity: capacity)]
        }
    }

    @inline(__always)
    private mutating func markValid() {
        if hasNull { validity.append(true) }
        count += 1
    }

    /// Appends a null row (struct children get nulls too; arrays an empty list).
    public mutating func appendNull() {
        if !hasNull {
            validity = ValidityBitmap(repeating: true, count: count)
            validity.reserveCapacity(max(capacity, count + 1))
            hasNull = true
        }
        validity.append(false)
        count += 1
        switch type {
        case .int: int32s.append(0)
        case .long, .timestamp: int64s.append(0)
        case .double: doubles.append(0)
        case .boolean: booleans.append(false)
        case .string: strings.appendEmpty()
        case .structure:
            for i in children.indices { children[i].appendNull() }
        case .array: listOffsets.append(listOffsets[listOffsets.count - 1])
        }
    }

    @inline(__always)
    public mutating func append(_ value: Int32) {
        int32s.append(value)
        markValid()
    }

    @inline(__always)
    public mutating func append(_ value: Int64) {
        int64s.append(value)
        markValid()
    }

    @inline(__always)
    public mutating func append(_ value: Double) {
        doubles.append(value)
        markValid()
    }

    @inline(__always)
    public mutating func append(_ value: Bool) {
        booleans.append(value)
        markValid()
    }

    @inline(__always)
    public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        strings.append(utf8)
        markValid()
    }

    public mutating func append(_ value: String) {
        strings.append(value)
        markValid()
    }

    /// Marks a struct row valid after its children received one value each.
    public mutating func appendStructRow() {
        markValid()
    }

    /// Closes an array row whose elements were appended to `children[0]`.
    public mutating func appendListRow() {
        listOffsets.append(Int32(truncatingIfNeeded: children[0].count))
        markValid()
    }

    /// Appends a ``Scalar`` of this builder's type (or null); for tests and slow paths.
    public mutating func append(scalar: Scalar) {
        switch (scalar, type) {
        case (.null, _): appendNull()
        case (.int(let v), .int): append(v)
        case (.int(let v), .long): append(Int64(v))
        case (.long(let v), .long), (.long(let v), .timestamp), (.timestamp(let v), .timestamp), (.timestamp(let v), .long):
            append(v)
        case (.int(let v), .double): append(Double(v))
        case (.long(let v), .double): append(Double(v))
        case (.double(let v), .double): append(v)
        case (.boolean(let v), .boolean): append(v)
        case (.string(let v), .string): append(v)
        case (.structure(let items), .structure):
            for (i, item) in items.enumerated() where i < children.count { children[i].append(scalar: item) }
            appendStructRow()
        case (.array(let items), .array):
            for item in items { children[0].append(scalar: item) }
            appendListRow()
        default:
            preconditionFailure("cannot append \(scalar) to a \(type) column")
        }
    }

    /// Appends row `row` of `column`, which must have this builder's type.
    public mutating func append(from column: Column, row: Int) {
        if column.isNull(row) {
            appendNull()
            return
        }
        switch column.storage {
        case .int32(let v): append(v[row])
        case .int64(let v): append(v[row])
        case .float64(let v): append(v[row])
        case .boolean(let v): append(v[row])
        case .utf8(let b): b.withUTF8(row) { append(utf8: $0) }
        case .structure(let columns):
            for i in columns.indices { children[i].append(from: columns[i], row: row) }
            appendStructRow()
        case .list(let offsets, let values):
            for j in Int(offsets[row])..<Int(offsets[row + 1]) { children[0].append(from: values, row: j) }
            appendListRow()
        }
    }

    /// Finishes the column; the builder is left empty.
    public mutating func finish() -> Column {
        let storage: ColumnStorage
        switch type {
        case .int: storage = .int32(int32s)
        case .long, .timestamp: storage = .int64(int64s)
        case .double: storage = .float64(doubles)
        case .boolean: storage = .boolean(booleans)
        case .string: storage = .utf8(strings)
        case .structure: storage = .structure(children.indices.map { children[$0].finish() })
        case .array: storage = .list(offsets: listOffsets, values: children[0].finish())
        }
        let column = Column(type: type, count: count, validity: hasNull ? validity : nil, storage: storage)
        self = ColumnBuilder(type: type)
        return column
    }

    /// Drops every row from `newCount` on, in this builder and its children (rolls back appends).
    ///
    /// Lets a reader that appends as it parses undo a record, or a whole message, that turns
    /// out to be malformed, without parsing twice. Capacity is kept.
    public mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "cannot truncate \(count) rows to \(newCount)")
        let dropped = count - newCount
        guard dropped > 0 else { return }
        if hasNull { validity.truncate(to: newCount) }
        count = newCount
        switch type {
        case .int: int32s.removeLast(dropped)
        case .long, .timestamp: int64s.removeLast(dropped)
        case .double: doubles.removeLast(dropped)
        case .boolean: booleans.removeLast(dropped)
        case .string: strings.truncate(to: newCount)
        case .structure:
            for i in children.indices { children[i].truncate(to: newCount) }
        case .array:
            listOffsets.removeLast(dropped)
            children[0].truncate(to: Int(listOffsets[newCount]))
        }
    }
}
