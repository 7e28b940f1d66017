public import Columnar

/// A simple condition on top-level primitive columns, used to skip whole row groups whose
/// statistics prove that no row can match.
///
/// Skipping is conservative: a row group is read whenever its statistics are missing or
/// cannot decide, and rows of a kept row group are **not** filtered (apply the filter after
/// reading). Comparison values use the column's type: `.int`/`.long`/`.timestamp` scalars
/// for integer and timestamp columns, `.double` for doubles, `.string` for strings.
///
/// ```swift
/// let recent = ParquetPredicate.greaterThanOrEqual("event_time", .timestamp(cutoff))
/// let batches = try reader.read(where: recent && .equal("state", .string("KA")))
/// ```
public indirect enum ParquetPredicate: Sendable, Hashable {
    case equal(String, Scalar)
    case lessThan(String, Scalar)
    case lessThanOrEqual(String, Scalar)
    case greaterThan(String, Scalar)
    case greaterThanOrEqual(String, Scalar)
    case isNull(String)
    case isNotNull(String)
    case and([ParquetPredicate])
    case or([ParquetPredicate])

    /// Both conditions.
    public static func && (lhs: ParquetPredicate, rhs: ParquetPredicate) -> ParquetPredicate { .and([lhs, rhs]) }
    /// Either condition.
    public static func || (lhs: ParquetPredicate, rhs: ParquetPredicate) -> ParquetPredicate { .or([lhs, rhs]) }

    /// Every column the predicate names.
    var columns: [String] {
        switch self {
        case .equal(let c, _), .lessThan(let c, _), .lessThanOrEqual(let c, _), .greaterThan(let c, _),
             .greaterThanOrEqual(let c, _), .isNull(let c), .isNotNull(let c):
            [c]
        case .and(let items), .or(let items): items.flatMap(\.columns)
        }
    }
}
