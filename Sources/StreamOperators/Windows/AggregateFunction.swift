public import Columnar

/// An aggregate over the rows of a group, with Spark's semantics for nulls and result types.
///
/// Every function except `count(*)` ignores null inputs; over only nulls `sum`, `min`, `max`,
/// `avg`, `first` and `last` give null, and the counts give 0.
public enum AggregateFunction: Sendable, Hashable {
    /// `sum`: bigint for int/bigint input, double for double input.
    case sum
    /// `count(column)`: the non-null values.
    case count
    /// `count(*)`: every row.
    case countAll
    case min
    case max
    /// `avg`: always double.
    case avg
    /// The first non-null value seen (Spark's `first(col, ignoreNulls = true)`).
    case first
    /// The last non-null value seen.
    case last
    /// HyperLogLog++ estimate with the given relative standard deviation (Spark's default 0.05).
    case approxCountDistinct(relativeSD: Double)
    /// Exact distinct count; its state grows with the distinct values, so use it on bounded groups.
    case countDistinct
    /// Spark's exact `percentile(col, p)`: linear interpolation at position `p * (n - 1)` of the
    /// sorted non-null values; a double. Keeps every value of the group.
    case percentile(Double)
    /// Spark's `percentile_approx(col, p, accuracy)`: a value present in the data, from a
    /// Greenwald–Khanna summary with relative error `1 / accuracy`; the input's type.
    case percentileApprox(Double, accuracy: Int)
    /// The first `limit` non-null values in arrival order, as an array (Spark's `collect_list`
    /// bounded, so the state per group stays small): lineage keeps the source positions of a
    /// window's records with it. Across partitions arrival order is source order, since the
    /// exchange keeps each partition's rows in order and partitions hold contiguous shares.
    case collectFirst(limit: Int)

    public var name: String {
        switch self {
        case .sum: "sum"
        case .count, .countAll: "count"
        case .min: "min"
        case .max: "max"
        case .avg: "avg"
        case .first: "first"
        case .last: "last"
        case .approxCountDistinct: "approx_count_distinct"
        case .countDistinct: "count_distinct"
        case .percentile: "percentile"
        case .percentileApprox: "percentile_approx"
        case .collectFirst: "collect_first"
        }
    }

    /// The result type for input of type `input`.
    public func resultType(input: DataType) -> DataType {
        switch self {
        case .sum: input == .double ? .double : .long
        case .count, .countAll, .approxCountDistinct, .countDistinct: .long
        case .avg, .percentile: .double
        case .min, .max, .first, .last, .percentileApprox: input
        case .collectFirst: .array(input)
        }
    }
}

/// One aggregate of a `groupBy(…).agg(…)`: a function of an input column, named in the output.
public struct Aggregation: Sendable, Hashable {
    public var function: AggregateFunction
    /// The input column (ignored by `countAll`).
    public var column: String
    /// The output column name.
    public var alias: String

    public init(_ function: AggregateFunction, _ column: String, as alias: String? = nil) {
        self.function = function
        self.column = column
        self.alias = alias ?? "\(function.name)(\(column))"
    }
}
