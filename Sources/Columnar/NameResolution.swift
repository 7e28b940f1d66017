/// How column names are matched when a query refers to them.
///
/// Spark resolves names case-insensitively unless `spark.sql.caseSensitive` is set; Stream360
/// does the same by default, so `MaturityDate` finds a JSON key written `MaturityDAte`.
public enum NameResolution: Sendable, Hashable {
    /// `Age` matches `AGE` and `age` (Spark's default).
    case caseInsensitive
    /// Names must match byte for byte.
    case caseSensitive

    /// Whether `a` and `b` name the same column under this rule.
    public func matches(_ a: String, _ b: String) -> Bool {
        switch self {
        case .caseSensitive: a == b
        case .caseInsensitive: a == b || a.lowercased() == b.lowercased()
        }
    }
}
