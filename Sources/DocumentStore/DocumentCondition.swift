/// A condition on one top-level field, for ``DocumentTable/find(where:projection:limit:)``
/// and ``DocumentTable/count(where:)``; a list of conditions must all hold.
///
/// Comparisons (`lessThan`, `greaterThan`) only match values of the same JSON kind as the
/// operand: a number field against a number, a string field against a string (compared by
/// bytes); so the two backends agree even when a field holds mixed kinds. `equals` compares
/// JSON values (`1` equals `1.0`, `"1"` does not equal `1`). `exists` holds when the field is
/// present, even as `null`. An object or array operand (``DocumentValue/json(_:)``) is compared
/// as `jsonb` by PostgreSQL but as minified text by SQLite, where key order matters. Comparisons
/// with `null`, booleans or JSON operands match nothing.
public enum DocumentCondition: Sendable, Hashable {
    /// `field == value`.
    case equals(String, DocumentValue)
    /// `field < value` (numbers with numbers, strings with strings).
    case lessThan(String, DocumentValue)
    /// `field > value` (numbers with numbers, strings with strings).
    case greaterThan(String, DocumentValue)
    /// `field` equals one of `values`.
    case isIn(String, [DocumentValue])
    /// The document has a field called `field` (with any value, `null` included).
    case exists(String)

    /// The field the condition is on.
    public var field: String {
        switch self {
        case .equals(let f, _), .lessThan(let f, _), .greaterThan(let f, _), .isIn(let f, _), .exists(let f): f
        }
    }
}
