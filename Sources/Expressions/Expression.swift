public import Columnar

/// A scalar expression over the columns of a batch, evaluated a whole column at a time.
///
/// Expressions are plain values: build them with the helpers in `Expression+Builders.swift`
/// (`col("Age").cast(.int)`, `col("a") + col("b")`, `when(cond, value).otherwise(other)`),
/// then hand them to a DataFrame operation. Null handling follows Spark SQL: arithmetic and
/// comparisons with a null operand give null; `and`/`or` use three-valued logic.
public indirect enum Expression: Sendable, CustomStringConvertible {
    /// A column of the input, resolved by name (case-insensitively unless configured otherwise).
    case column(String)
    /// A constant; `type` gives nulls a type.
    case literal(Scalar, DataType)
    /// Renames the result of an expression.
    case alias(Expression, String)
    case arithmetic(ArithmeticOperator, Expression, Expression)
    case comparison(ComparisonOperator, Expression, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    case isNull(Expression)
    case isNotNull(Expression)
    /// `CASE WHEN c1 THEN v1 WHEN c2 THEN v2 … ELSE otherwise END` (no else: null).
    case caseWhen([(condition: Expression, value: Expression)], otherwise: Expression?)
    /// Spark's non-ANSI `CAST`: values that do not convert become null.
    case cast(Expression, DataType)
    /// A built-in function (see ``BuiltinFunction``).
    case function(BuiltinFunction, [Expression])
    /// A user function over whole columns.
    case user(UserFunction, [Expression])

    /// The column name Spark would give this expression's result.
    public var outputName: String {
        switch self {
        case .column(let name): name
        case .alias(_, let name): name
        case .cast(let inner, _): inner.outputName
        default: description
        }
    }

    public var description: String {
        switch self {
        case .column(let name): name
        case .literal(let value, _): value.description
        case .alias(let inner, let name): "\(inner) AS \(name)"
        case .arithmetic(let op, let l, let r): "(\(l) \(op.rawValue) \(r))"
        case .comparison(let op, let l, let r): "(\(l) \(op.rawValue) \(r))"
        case .and(let l, let r): "(\(l) AND \(r))"
        case .or(let l, let r): "(\(l) OR \(r))"
        case .not(let inner): "(NOT \(inner))"
        case .isNull(let inner): "(\(inner) IS NULL)"
        case .isNotNull(let inner): "(\(inner) IS NOT NULL)"
        case .caseWhen(let branches, let otherwise):
            "CASE " + branches.map { "WHEN \($0.condition) THEN \($0.value)" }.joined(separator: " ")
                + (otherwise.map { " ELSE \($0)" } ?? "") + " END"
        case .cast(let inner, let type): "CAST(\(inner) AS \(type))"
        case .function(let function, let args): "\(function.name)(\(args.map(\.description).joined(separator: ", ")))"
        case .user(let function, let args): "\(function.name)(\(args.map(\.description).joined(separator: ", ")))"
        }
    }

    /// Every column name this expression reads.
    public var referencedColumns: [String] {
        switch self {
        case .column(let name): [name]
        case .literal: []
        case .alias(let e, _), .not(let e), .isNull(let e), .isNotNull(let e), .cast(let e, _): e.referencedColumns
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
            l.referencedColumns + r.referencedColumns
        case .caseWhen(let branches, let otherwise):
            branches.flatMap { $0.condition.referencedColumns + $0.value.referencedColumns }
                + (otherwise?.referencedColumns ?? [])
        case .function(_, let args), .user(_, let args): args.flatMap(\.referencedColumns)
        }
    }
}

/// `+ - * / %` with Spark's result types: int op int is int, anything with a long is long,
/// anything with a double is double; `/` always gives double (Spark's `/`).
public enum ArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

/// Comparison operators; `equalNullSafe` is Spark's `<=>` (null <=> null is true).
public enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equalNullSafe = "<=>"
}

/// A scalar function written in Swift over whole columns, like a vectorized (pandas) UDF.
///
/// The closure receives the evaluated argument columns (all of the batch's length) and must
/// return a column of `returnType` with the same length.
public struct UserFunction: Sendable {
    public let name: String
    public let returnType: DataType
    public let body: @Sendable ([Column]) throws -> Column

    public init(name: String, returnType: DataType, body: @escaping @Sendable ([Column]) throws -> Column) {
        self.name = name
        self.returnType = returnType
        self.body = body
    }
}
