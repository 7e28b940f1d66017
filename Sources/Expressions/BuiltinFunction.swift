/// Built-in scalar functions with Spark's semantics (null in, null out unless noted).
public enum BuiltinFunction: Sendable {
    /// Keeps only the ASCII digits of a string (`"1,20,000"` → `"120000"`, `"-1,200"` → `"1200"`);
    /// a null or empty input gives `""`, as the seed's Python UDF does.
    case keepDigits
    /// `regexp_replace(str, pattern, replacement)` with `$1`-style group references.
    case regexpReplace(pattern: String, replacement: String)
    case lower
    case upper
    /// Removes leading and trailing spaces (Spark's `trim`).
    case trim
    /// `coalesce(a, b, …)`: the first non-null argument.
    case coalesce
    /// `to_timestamp(str, pattern)`: parses with a datetime pattern (see `TimestampPattern`).
    case toTimestamp(pattern: String)

    public var name: String {
        switch self {
        case .keepDigits: "keep_digits"
        case .regexpReplace: "regexp_replace"
        case .lower: "lower"
        case .upper: "upper"
        case .trim: "trim"
        case .coalesce: "coalesce"
        case .toTimestamp: "to_timestamp"
        }
    }
}
