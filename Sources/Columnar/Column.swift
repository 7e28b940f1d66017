/// A typed, immutable column of values with a validity bitmap.
///
/// A column is a value type over copy-on-write buffers: slicing out a projection or passing
/// a batch to another operator never copies data. Values of null rows are unspecified
/// (zero in practice) and must not be read; check ``isNull(_:)`` first.
public struct Column: Sendable {
    public let type: DataType
    public let count: Int
    /// `nil` when no row is null.
    public let validity: ValidityBitmap?
    public let storage: ColumnStorage

    public init(type: DataType, count: Int, validity: ValidityBitmap?, storage: ColumnStorage) {
        self.type = type
        self.count = count
        if let validity, validity.nullCount == 0 {
            self.validity = nil
        } else {
            self.validity = validity
        }
        self.storage = storage
    }

    @inline(__always)
    public func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(row)
    }

    public var nullCount: Int { validity?.nullCount ?? 0 }
}
