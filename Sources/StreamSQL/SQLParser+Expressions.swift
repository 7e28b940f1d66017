public import Columnar

extension SQLParser {
    /// An expression, loosest operator first.
    mutating func expression() throws(SQLError) -> SQLExpression {
        try or()
    }

    mutating func or() throws(SQLError) -> SQLExpression {
        var left = try and()
        while current.isKeyword("or") {
            let position = advance().position
            left = .binary("OR", left, try and(), position)
        }
        return left
    }

    mutating func and() throws(SQLError) -> SQLExpression {
        var left = try not()
        while current.isKeyword("and") {
            let position = advance().position
            left = .binary("AND", left, try not(), position)
        }
        return left
    }

    mutating func not() throws(SQLError) -> SQLExpression {
        if current.isKeyword("not") {
            let position = advance().position
            return .unary("NOT", try not(), position)
        }
        return try predicate()
    }

    mutating func predicate() throws(SQLError) -> SQLExpression {
        var left = try additive()
        while true {
            let position = current.position
            if current.kind == .symbol, let op = Self.comparison[current.text] {
                advance()
                left = .binary(op, left, try additive(), position)
                continue
            }
            if accept("is") {
                let negated = accept("not")
                if accept("null") {
                    left = .isNull(left, negated: negated, position)
                } else if current.isKeyword("true") || current.isKeyword("false") {
                    let value = advance().isKeyword("true")
                    let test: SQLExpression = .binary("<=>", left, .literal(.boolean(value), position), position)
                    left = negated ? .unary("NOT", test, position) : test
                } else {
                    throw unexpected("NULL, TRUE or FALSE after IS")
                }
                continue
            }
            let negated = current.isKeyword("not") && ["between", "in", "like", "rlike"].contains(peek(1).text.lowercased())
            if negated { advance() }
            if accept("between") {
                let low = try additive()
                try expect("and")
                left = .between(left, low: low, high: try additive(), negated: negated, position)
            } else if accept("in") {
                try expect(symbol: "(")
                if current.isKeyword("select") {
                    throw SQLError(.unsupported, "IN (subquery) is not implemented yet; use a JOIN", at: current.position, sql: sql)
                }
                var list: [SQLExpression] = []
                repeat { list.append(try expression()) } while accept(symbol: ",")
                try expect(symbol: ")")
                left = .inList(left, list, negated: negated, position)
            } else if accept("like") {
                left = .like(left, pattern: try additive(), negated: negated, regex: false, position)
            } else if accept("rlike") || accept("regexp") {
                left = .like(left, pattern: try additive(), negated: negated, regex: true, position)
            } else {
                return left
            }
        }
    }

    static let comparison: [String: String] = ["=": "=", "==": "=", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "<=>": "<=>"]

    mutating func additive() throws(SQLError) -> SQLExpression {
        var left = try multiplicative()
        while current.kind == .symbol, ["+", "-", "||"].contains(current.text) {
            let token = advance()
            left = .binary(token.text, left, try multiplicative(), token.position)
        }
        return left
    }

    mutating func multiplicative() throws(SQLError) -> SQLExpression {
        var left = try unary()
        while (current.kind == .symbol && ["*", "/", "%"].contains(current.text)) || current.isKeyword("div") {
            let token = advance()
            left = .binary(token.text.lowercased() == "div" ? "DIV" : token.text, left, try unary(), token.position)
        }
        return left
    }

    mutating func unary() throws(SQLError) -> SQLExpression {
        if current.isSymbol("-") || current.isSymbol("+") {
            let token = advance()
            let operand = try unary()
            if token.text == "-", case .literal(let literal, _) = operand {
                switch literal {
                case .integer(let v, let isLong):
                    let negative = -v
                    return .literal(.integer(negative, isLong: isLong || negative < Int64(Int32.min)), token.position)
                case .double(let v): return .literal(.double(-v), token.position)
                default: break
                }
            }
            return token.text == "-" ? .unary("-", operand, token.position) : operand
        }
        return try postfix()
    }

    mutating func postfix() throws(SQLError) -> SQLExpression {
        var expression = try primary()
        while true {
            let position = current.position
            if accept(symbol: "::") {
                expression = .cast(expression, try dataType(), position)
            } else if current.isSymbol("."), case .function = expression {
                advance()
                expression = .field(expression, try name("a field name after '.'"), position)
            } else if accept(symbol: "[") {
                let index = try self.expression()
                try expect(symbol: "]")
                expression = .function("get", [expression, index], distinct: false, position)
            } else {
                return expression
            }
        }
    }

    mutating func primary() throws(SQLError) -> SQLExpression {
        let token = current
        let position = token.position
        switch token.kind {
        case .integer:
            advance()
            let isLong = token.text.hasSuffix("L")
            let digits = isLong ? String(token.text.dropLast()) : token.text
            guard let value = Int64(digits) else {
                if let d = Double(digits) { return .literal(.double(d), position) }
                throw SQLError(.syntax, "the number \(digits) is out of range", at: position, sql: sql)
            }
            return .literal(.integer(value, isLong: isLong || value > Int64(Int32.max)), position)
        case .decimal:
            advance()
            guard let value = Double(token.text) else { throw SQLError(.syntax, "'\(token.text)' is not a number", at: position, sql: sql) }
            return .literal(.double(value), position)
        case .string:
            advance()
            var text = token.text
            while current.kind == .string { text += advance().text }
            return .literal(.string(text), position)
        case .symbol:
            if accept(symbol: "(") {
                if current.isKeyword("select") {
                    throw SQLError(.unsupported, "scalar subqueries are not implemented yet; use a JOIN", at: current.position, sql: sql)
                }
                let inner = try expression()
                try expect(symbol: ")")
                return inner
            }
            if accept(symbol: "*") { return .star(qualifier: [], position) }
            throw unexpected("an expression")
        case .end:
            throw unexpected("an expression")
        case .identifier, .quotedIdentifier:
            return try wordExpression()
        }
    }

    mutating func wordExpression() throws(SQLError) -> SQLExpression {
        let token = current
        let position = token.position
        if token.kind == .identifier {
            let word = token.text.lowercased()
            switch word {
            case "null": advance(); return .literal(.null, position)
            case "true": advance(); return .literal(.boolean(true), position)
            case "false": advance(); return .literal(.boolean(false), position)
            case "case": advance(); return try caseExpression(position)
            case "cast", "try_cast":
                if peek(1).isSymbol("(") {
                    advance(); advance()
                    let inner = try expression()
                    try expect("as")
                    let type = try dataType()
                    try expect(symbol: ")")
                    return .cast(inner, type, position)
                }
            case "timestamp":
                if peek(1).kind == .string {
                    advance()
                    return .literal(.timestamp(advance().text), position)
                }
            case "interval":
                throw SQLError(.unsupported, "INTERVAL literals are not implemented yet (window durations are strings: window(ts, '30 seconds'))", at: position, sql: sql)
            case "exists":
                if peek(1).isSymbol("(") { throw SQLError(.unsupported, "EXISTS (subquery) is not implemented yet", at: position, sql: sql) }
            default: break
            }
        }
        advance()
        if token.kind == .identifier && current.isSymbol("(") {
            advance()
            return try functionCall(token.text, position)
        }
        var parts = [token.text]
        while current.isSymbol(".") {
            advance()
            if accept(symbol: "*") { return .star(qualifier: parts, position) }
            parts.append(try name("a name after '.'"))
        }
        return .identifier(parts, position)
    }

    mutating func functionCall(_ name: String, _ position: SQLPosition) throws(SQLError) -> SQLExpression {
        var distinct = false
        var args: [SQLExpression] = []
        if !accept(symbol: ")") {
            distinct = accept("distinct")
            if !distinct { _ = accept("all") }
            repeat { args.append(try expression()) } while accept(symbol: ",")
            try expect(symbol: ")")
        }
        if current.isKeyword("over") {
            throw SQLError(.unsupported, "window functions (OVER …) are not implemented yet", at: current.position, sql: sql)
        }
        if current.isKeyword("filter") && peek(1).isSymbol("(") {
            throw SQLError(.unsupported, "aggregate FILTER (WHERE …) is not implemented yet; use CASE WHEN inside the aggregate", at: current.position, sql: sql)
        }
        return .function(name, args, distinct: distinct, position)
    }

    mutating func caseExpression(_ position: SQLPosition) throws(SQLError) -> SQLExpression {
        var operand: SQLExpression?
        if !current.isKeyword("when") { operand = try expression() }
        var branches: [SQLWhen] = []
        while accept("when") {
            let condition = try expression()
            try expect("then")
            branches.append(SQLWhen(condition: condition, value: try expression()))
        }
        guard !branches.isEmpty else { throw unexpected("WHEN") }
        var otherwise: SQLExpression?
        if accept("else") { otherwise = try expression() }
        try expect("end")
        return .caseWhen(operand: operand, branches: branches, otherwise: otherwise, position)
    }

    // MARK: types

    /// A Spark type name: `int`, `integer`, `bigint`, `long`, `smallint`/`tinyint` (as int),
    /// `double`, `float`/`real` (as double), `string`/`varchar(n)`/`char(n)`, `boolean`,
    /// `timestamp`, `array<t>`, `struct<name: t, …>`.
    mutating func dataType() throws(SQLError) -> DataType {
        let token = current
        guard token.kind == .identifier else { throw unexpected("a type name") }
        advance()
        switch token.text.lowercased() {
        case "int", "integer", "smallint", "short", "tinyint", "byte": return .int
        case "bigint", "long": return .long
        case "double", "float", "real": return .double
        case "string", "varchar", "char":
            if accept(symbol: "(") {
                guard current.kind == .integer else { throw unexpected("a length") }
                advance()
                try expect(symbol: ")")
            }
            return .string
        case "boolean", "bool": return .boolean
        case "timestamp", "timestamp_ltz", "timestamp_ntz": return .timestamp
        case "array":
            try expect(symbol: "<")
            let element = try dataType()
            try closeAngle()
            return .array(element)
        case "struct":
            try expect(symbol: "<")
            if accept(symbol: ">") { return .structure([]) }
            let fields = try fieldList(separator: ":", terminator: ">")
            try closeAngle()
            return .structure(fields)
        case "decimal", "numeric", "dec":
            if accept(symbol: "(") {
                while !current.isSymbol(")") && current.kind != .end { advance() }
                try expect(symbol: ")")
            }
            return .double
        default:
            throw SQLError(
                .unsupported,
                "type `\(token.text)` is not supported; the types are int, bigint, double, string, boolean, timestamp, array<…>, struct<…>"
                    + NameSuggestion.hint(for: token.text, in: ["int", "integer", "bigint", "long", "double", "float", "string", "boolean", "timestamp", "array", "struct"]),
                at: token.position, sql: sql)
        }
    }

    /// `>` closing a type; a `>>` was never lexed as one token, so nothing to split.
    mutating func closeAngle() throws(SQLError) {
        try expect(symbol: ">")
    }

    /// `name [:] type, …` up to `terminator` (a symbol) or the end.
    mutating func fieldList(separator: String?, terminator: String?) throws(SQLError) -> [Field] {
        var fields: [Field] = []
        repeat {
            let name = try self.name("a field name")
            if let separator { _ = accept(symbol: separator) } else { _ = accept(symbol: ":") }
            let type = try dataType()
            if accept("not") { try expect("null") }
            if accept("comment") {
                guard current.kind == .string else { throw unexpected("a comment string") }
                advance()
            }
            fields.append(Field(name, type))
        } while accept(symbol: ",")
        _ = terminator
        return fields
    }
}
