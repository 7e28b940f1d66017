/// A `SELECT` query as parsed.
public struct SQLQuery: Sendable {
    /// `WITH name AS (query), …`: named subqueries visible in this query.
    public var commonTables: [(name: String, query: SQLQuery)] = []
    public var distinct = false
    public var items: [SQLSelectItem] = []
    public var from: SQLRelation?
    public var whereClause: SQLExpression?
    public var groupBy: [SQLExpression] = []
    public var having: SQLExpression?
    public var orderBy: [SQLOrderItem] = []
    public var limit: Int?
    /// Where `SELECT` is.
    public var position = SQLPosition(line: 1, column: 1)
}

/// One item of a select list: an expression with an optional alias, or a star.
public struct SQLSelectItem: Sendable {
    public var expression: SQLExpression
    public var alias: String?
}

/// One `ORDER BY` key.
public struct SQLOrderItem: Sendable {
    public var expression: SQLExpression
    public var ascending: Bool
    /// Nil: Spark's default (nulls first ascending, last descending).
    public var nullsFirst: Bool?
}

/// What a `FROM` clause reads.
public indirect enum SQLRelation: Sendable {
    /// A table name, possibly qualified: `customers`, ``parquet.`out/preds` ``.
    case table([String], alias: String?, SQLPosition)
    case subquery(SQLQuery, alias: String?, SQLPosition)
    case join(SQLRelation, SQLRelation, SQLJoinType, condition: SQLExpression?, SQLPosition)
    /// `predict(MODEL 'dir', TABLE name)` or `predict(MODEL 'dir', (query))`: the relation's rows
    /// scored by a saved pipeline model (its output columns added).
    case predict(model: String, input: SQLRelation, alias: String?, SQLPosition)
}

/// The join types the parser knows (the compiler says which it runs).
public enum SQLJoinType: String, Sendable {
    case inner = "INNER", left = "LEFT OUTER", right = "RIGHT OUTER", full = "FULL OUTER", cross = "CROSS"
    case leftSemi = "LEFT SEMI", leftAnti = "LEFT ANTI"
}

/// A statement: a query (what `s360 sql` runs), or one of the streaming statements of a
/// pipeline file (what `s360 run` runs: ``SQLProgram``).
public enum SQLStatement: Sendable {
    case query(SQLQuery)
    case createTable(SQLTableDeclaration)
    case createView(SQLViewDefinition)
    case insert(SQLInsert)
}
