/// A named, typed column slot in a ``Schema``.
///
/// Names are kept exactly as written (`DISBURSED-AMT/HIGH CREDIT`, `Top-up Month`): Stream360
/// never requires names to be identifiers, because the seeds' data does not use identifiers.
public struct Field: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: DataType
    public var nullable: Bool

    public init(_ name: String, _ type: DataType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }

    public var description: String { "\(name): \(type)" }
}
