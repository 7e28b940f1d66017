/// An ordered list of fields describing the columns of a ``RecordBatch``.
///
/// Lookups by name follow a ``NameResolution`` rule (case-insensitive by default, as in Spark).
/// An ambiguous name (two fields that match under the rule) is an error rather than a guess.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
    public var fields: [Field]

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    public var count: Int { fields.count }
    public var names: [String] { fields.map(\.name) }

    /// The position of the field called `name`, or `nil` when there is none.
    /// - Throws: ``ColumnarError/ambiguousColumn(_:candidates:)`` when several fields match.
    public func index(of name: String, resolution: NameResolution = .caseInsensitive) throws(ColumnarError) -> Int? {
        if let exact = fields.firstIndex(where: { $0.name == name }) {
            if resolution == .caseSensitive { return exact }
        }
        let matches = fields.indices.filter { resolution.matches(fields[$0].name, name) }
        if matches.count > 1 {
            if let exact = matches.first(where: { fields[$0].name == name }) { return exact }
            throw .ambiguousColumn(name, candidates: matches.map { fields[$0].name })
        }
        return matches.first
    }

    /// The position of the field called `name`.
    /// - Throws: ``ColumnarError/unknownColumn(_:available:)`` when no field matches.
    public func requireIndex(of name: String, resolution: NameResolution = .caseInsensitive) throws(ColumnarError) -> Int {
        guard let index = try index(of: name, resolution: resolution) else {
            throw .unknownColumn(name, available: names)
        }
        return index
    }

    public var description: String {
        "[" + fields.map(\.description).joined(separator: ", ") + "]"
    }
}
