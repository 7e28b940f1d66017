public import Columnar

/// A recursive-descent parser for Spark SQL's `SELECT` dialect, producing ``SQLStatement``s.
///
/// Operator precedence, loosest first, as Spark's grammar: `OR`; `AND`; `NOT`; predicates
/// (`= == <> != < <= > >= <=>`, `IS [NOT] NULL`, `[NOT] BETWEEN`, `[NOT] IN (…)`,
/// `[NOT] LIKE`, `RLIKE`); `+ - ||`; `* / %`; unary `-`/`+`; postfix `.field` and `::type`.
/// Keywords are not reserved except where the grammar would be ambiguous (a select item's
/// bare alias cannot be `FROM`, `WHERE`, …), so columns may be called `date` or `value`.
public struct SQLParser {
    var tokens: [SQLToken]
    var index = 0
    let sql: String

    /// Words that end an expression or relation where a bare alias could otherwise stand.
    static let clauseWords: Set<String> = [
        "from", "where", "group", "having", "order", "limit", "join", "inner", "left", "right", "full", "cross",
        "on", "union", "except", "intersect", "as", "and", "or", "not", "is", "in", "between", "like", "rlike",
        "when", "then", "else", "end", "asc", "desc", "nulls", "select", "semi", "anti", "outer", "with", "using",
    ]

    public init(_ sql: String) throws(SQLError) {
        self.sql = sql
        self.tokens = try SQLLexer.tokenize(sql)
    }

    /// Parses `sql` as one statement (a trailing `;` is allowed).
    public static func parse(_ sql: String) throws(SQLError) -> SQLStatement {
        var parser = try SQLParser(sql)
        let statement = try parser.statement()
        _ = parser.accept(symbol: ";")
        guard parser.current.kind == .end else { throw parser.unexpected("the end of the statement") }
        return statement
    }

    /// Parses a DDL schema string (`ID STRING, ts LONG`, `array<struct<a:int>>`, `struct<…>`) as
    /// `from_json` accepts it: a field list gives a struct, a single type stands for itself.
    public static func parseSchema(_ ddl: String) throws(SQLError) -> DataType {
        var parser = try SQLParser(ddl)
        let type: DataType
        let first = parser.current
        let second = parser.tokens.count > 1 ? parser.tokens[1] : first
        if second.kind == .end || second.isSymbol("<") {
            type = try parser.dataType()
        } else {
            type = .structure(try parser.fieldList(separator: nil, terminator: nil))
        }
        guard parser.current.kind == .end else { throw parser.unexpected("the end of the schema") }
        return type
    }

    // MARK: tokens

    var current: SQLToken { tokens[index] }

    func peek(_ offset: Int) -> SQLToken { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> SQLToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func accept(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    mutating func accept(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ keyword: String) throws(SQLError) {
        guard accept(keyword) else { throw unexpected(keyword.uppercased()) }
    }

    mutating func expect(symbol: String) throws(SQLError) {
        guard accept(symbol: symbol) else { throw unexpected("'\(symbol)'") }
    }

    func unexpected(_ expected: String) -> SQLError {
        SQLError(.syntax, "expected \(expected), found \(current)", at: current.position, sql: sql)
    }

    /// A name: a bare word or a back-quoted one.
    mutating func name(_ what: String) throws(SQLError) -> String {
        guard current.kind == .identifier || current.kind == .quotedIdentifier else { throw unexpected(what) }
        return advance().text
    }

    // MARK: statements

    mutating func statement() throws(SQLError) -> SQLStatement {
        if current.isKeyword("create") { return try createStatement() }
        if current.isKeyword("insert") { return try insertStatement() }
        guard current.isKeyword("select") || current.isKeyword("with") || current.isSymbol("(") else {
            throw unexpected("SELECT, CREATE or INSERT")
        }
        return .query(try query())
    }

    mutating func query() throws(SQLError) -> SQLQuery {
        var commonTables: [(name: String, query: SQLQuery)] = []
        if accept("with") {
            repeat {
                let name = try name("a name for the WITH query")
                _ = accept("as")
                try expect(symbol: "(")
                commonTables.append((name, try query()))
                try expect(symbol: ")")
            } while accept(symbol: ",")
        }
        var query: SQLQuery
        if accept(symbol: "(") {
            query = try self.query()
            try expect(symbol: ")")
        } else {
            query = try select()
        }
        query.commonTables = commonTables + query.commonTables
        if current.isKeyword("union") || current.isKeyword("except") || current.isKeyword("intersect") {
            throw SQLError(.unsupported, "\(current.text.uppercased()) is not implemented yet", at: current.position, sql: sql)
        }
        if accept("order") {
            try expect("by")
            query.orderBy = try orderItems()
        }
        if accept("limit") {
            guard current.kind == .integer, let n = Int(current.text.replacingOccurrences("L", "")) else { throw unexpected("a row count after LIMIT") }
            advance()
            query.limit = n
        }
        return query
    }

    mutating func select() throws(SQLError) -> SQLQuery {
        var query = SQLQuery()
        query.position = current.position
        try expect("select")
        if accept("distinct") { query.distinct = true } else { _ = accept("all") }
        repeat {
            query.items.append(try selectItem())
        } while accept(symbol: ",")
        if accept("from") { query.from = try relation() }
        if accept("where") { query.whereClause = try expression() }
        if accept("group") {
            try expect("by")
            repeat { query.groupBy.append(try expression()) } while accept(symbol: ",")
        }
        if accept("having") { query.having = try expression() }
        return query
    }

    mutating func selectItem() throws(SQLError) -> SQLSelectItem {
        let expression = try self.expression()
        return SQLSelectItem(expression: expression, alias: try alias())
    }

    /// `AS name`, or a bare name that is not a clause word.
    mutating func alias() throws(SQLError) -> String? {
        if accept("as") { return try name("an alias after AS") }
        if current.kind == .quotedIdentifier || (current.kind == .identifier && !Self.clauseWords.contains(current.text.lowercased())) {
            return advance().text
        }
        return nil
    }

    mutating func orderItems() throws(SQLError) -> [SQLOrderItem] {
        var items: [SQLOrderItem] = []
        repeat {
            let expression = try self.expression()
            var ascending = true
            if accept("desc") { ascending = false } else { _ = accept("asc") }
            var nullsFirst: Bool?
            if accept("nulls") {
                if accept("first") { nullsFirst = true } else { try expect("last"); nullsFirst = false }
            }
            items.append(SQLOrderItem(expression: expression, ascending: ascending, nullsFirst: nullsFirst))
        } while accept(symbol: ",")
        return items
    }

    // MARK: relations

    mutating func relation() throws(SQLError) -> SQLRelation {
        var left = try primaryRelation()
        while true {
            let position = current.position
            if accept(symbol: ",") {
                left = .join(left, try primaryRelation(), .cross, condition: nil, position)
                continue
            }
            var type: SQLJoinType?
            if accept("join") {
                type = .inner
            } else if accept("inner") {
                try expect("join"); type = .inner
            } else if accept("cross") {
                try expect("join"); type = .cross
            } else if accept("left") {
                if accept("semi") { type = .leftSemi } else if accept("anti") { type = .leftAnti } else { _ = accept("outer"); type = .left }
                try expect("join")
            } else if accept("right") {
                _ = accept("outer"); try expect("join"); type = .right
            } else if accept("full") {
                _ = accept("outer"); try expect("join"); type = .full
            }
            guard let type else { return left }
            let right = try primaryRelation()
            var condition: SQLExpression?
            if accept("on") {
                condition = try expression()
            } else if current.isKeyword("using") {
                throw SQLError(.unsupported, "JOIN … USING (…) is not implemented yet; write ON a.key = b.key", at: current.position, sql: sql)
            }
            left = .join(left, right, type, condition: condition, position)
        }
    }

    mutating func primaryRelation() throws(SQLError) -> SQLRelation {
        let position = current.position
        if accept(symbol: "(") {
            if current.isKeyword("select") || current.isKeyword("with") || current.isSymbol("(") {
                let subquery = try query()
                try expect(symbol: ")")
                return .subquery(subquery, alias: try alias(), position)
            }
            let inner = try relation()
            try expect(symbol: ")")
            return inner
        }
        if current.isKeyword("predict"), peek(1).isSymbol("(") { return try predictRelation() }
        var parts = [try name("a table name")]
        while accept(symbol: ".") { parts.append(try name("a name after '.'")) }
        return .table(parts, alias: try alias(), position)
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
