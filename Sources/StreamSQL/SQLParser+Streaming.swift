public import Columnar

/// The streaming statements of a pipeline file: `CREATE TABLE … USING`, `CREATE VIEW … AS`,
/// `INSERT INTO … SELECT`, the `WATERMARK FOR` clause and the `predict(MODEL …, TABLE …)`
/// table function.
extension SQLParser {
    /// `CREATE [OR REPLACE] [TEMPORARY|TEMP] TABLE|VIEW …` (the current token is `CREATE`).
    mutating func createStatement() throws(SQLError) -> SQLStatement {
        let position = current.position
        try expect("create")
        if accept("or") { try expect("replace") }
        _ = accept("temporary") || accept("temp")
        // `CREATE TEMPORARY VIEW name USING …` is Spark's spelling of a data source table too, so
        // TABLE and VIEW differ only in what follows: USING declares a table, AS a view.
        guard accept("view") || accept("table") else { throw unexpected("TABLE or VIEW") }
        if accept("if") { try expect("not"); try expect("exists") }
        let name = try self.name("a table name")
        var columns: [Field] = []
        var hasColumnList = false
        var watermark: SQLWatermark?
        if accept(symbol: "(") {
            hasColumnList = true
            repeat {
                if current.isKeyword("watermark") {
                    guard watermark == nil else { throw SQLError(.syntax, "one WATERMARK clause per table", at: current.position, sql: sql) }
                    watermark = try watermarkClause()
                } else {
                    columns.append(try columnDefinition())
                }
            } while accept(symbol: ",")
            try expect(symbol: ")")
        }
        var format: String?
        var options: [String: String] = [:]
        while true {
            if accept("using") {
                format = try self.name("a format after USING (json, text, kafka, parquet, jsonl, console, …)").lowercased()
            } else if accept("options") {
                options.merge(try optionList()) { $1 }
            } else if current.isKeyword("watermark") {
                guard watermark == nil else { throw SQLError(.syntax, "one WATERMARK clause per table", at: current.position, sql: sql) }
                watermark = try watermarkClause()
            } else {
                break
            }
        }
        if accept("as") {
            guard format == nil, !hasColumnList || columns.isEmpty else {
                throw SQLError(.unsupported, "a view is defined by its query alone: write CREATE VIEW \(name) AS SELECT … (USING and a column list declare sources and sinks)", at: position, sql: sql)
            }
            return .createView(SQLViewDefinition(name: name, watermark: watermark, query: try query(), position: position))
        }
        guard let format else {
            throw SQLError(.syntax, "expected USING format (a source or sink table) or AS SELECT … (a view), found \(current)", at: current.position, sql: sql)
        }
        if let watermark, !columns.isEmpty, !columns.contains(where: { $0.name.equalsIgnoringCase(watermark.column) }) {
            throw SQLError(.resolution, "the watermark column `\(watermark.column)` is not among the declared columns\(NameSuggestion.hint(for: watermark.column, in: columns.map(\.name)))", at: watermark.position, sql: sql)
        }
        return .createTable(SQLTableDeclaration(
            name: name, columns: hasColumnList && !columns.isEmpty ? Schema(columns) : nil, format: format, options: options,
            watermark: watermark, position: position))
    }

    /// One column definition of a table's column list: `name [:] type [NOT NULL] [COMMENT '…']`.
    mutating func columnDefinition() throws(SQLError) -> Field {
        let name = try self.name("a column name")
        _ = accept(symbol: ":")
        let type = try dataType()
        if accept("not") { try expect("null") }
        if accept("comment") {
            guard current.kind == .string else { throw unexpected("a comment string") }
            advance()
        }
        return Field(name, type)
    }

    /// `WATERMARK FOR col AS col - INTERVAL '5' SECOND` (also `INTERVAL '5 seconds'`, or `AS col` for no delay).
    mutating func watermarkClause() throws(SQLError) -> SQLWatermark {
        let position = current.position
        try expect("watermark")
        try expect("for")
        let column = try name("the event-time column after WATERMARK FOR")
        try expect("as")
        let namePosition = current.position
        let again = try name("`\(column) - INTERVAL '5' SECOND`")
        guard again.equalsIgnoringCase(column) else {
            throw SQLError(.unsupported, "the watermark must be `\(column) - INTERVAL '…' unit`: the delay is subtracted from the event-time column itself", at: namePosition, sql: sql)
        }
        guard accept(symbol: "-") else { return SQLWatermark(column: column, delay: .zero, position: position) }
        try expect("interval")
        guard current.kind == .string || current.kind == .integer else { throw unexpected("a delay such as '5' SECOND") }
        let amountPosition = current.position
        var text = advance().text
        if current.kind == .identifier, !Self.clauseWords.contains(current.text.lowercased()) { text += " " + advance().text }
        guard let micros = SQLWindow.interval(text), micros >= 0 else {
            throw SQLError(.type, "'\(text)' is not a delay; write INTERVAL '5' SECOND or INTERVAL '1 minute'", at: amountPosition, sql: sql)
        }
        return SQLWatermark(column: column, delay: .microseconds(micros), position: position)
    }

    /// `(key 'value', key = 'value', 'key' 'value', …)`: keys may be dotted (`kafka.bootstrap.servers`).
    mutating func optionList() throws(SQLError) -> [String: String] {
        try expect(symbol: "(")
        var options: [String: String] = [:]
        if accept(symbol: ")") { return options }
        repeat {
            var key: String
            if current.kind == .string {
                key = advance().text
            } else {
                key = try name("an option name")
                while accept(symbol: ".") { key += "." + (try name("an option name after '.'")) }
            }
            _ = accept(symbol: "=")
            let value: String
            switch current.kind {
            case .string, .integer, .decimal: value = advance().text
            case .identifier where current.isKeyword("true") || current.isKeyword("false"): value = advance().text.lowercased()
            default: throw unexpected("a value for option `\(key)` (a quoted string)")
            }
            options[key.lowercased()] = value
        } while accept(symbol: ",")
        try expect(symbol: ")")
        return options
    }

    /// `INSERT INTO [TABLE] sink query`.
    mutating func insertStatement() throws(SQLError) -> SQLStatement {
        let position = current.position
        try expect("insert")
        if current.isKeyword("overwrite") {
            throw SQLError(.unsupported, "INSERT OVERWRITE is not supported on a stream; use INSERT INTO (and outputMode 'complete' on the sink for a whole result per batch)", at: current.position, sql: sql)
        }
        try expect("into")
        _ = accept("table")
        let tablePosition = current.position
        let table = try name("the sink table after INSERT INTO")
        return .insert(SQLInsert(table: table, query: try query(), position: position, tablePosition: tablePosition))
    }

    /// `predict(MODEL 'dir', TABLE name | (query)) [alias]` in FROM (the current token is `predict`, then `(`).
    mutating func predictRelation() throws(SQLError) -> SQLRelation {
        let position = current.position
        advance()
        try expect(symbol: "(")
        try expect("model")
        guard current.kind == .string else { throw unexpected("the model's directory or name as a string: MODEL 'models/topup'") }
        let model = advance().text
        try expect(symbol: ",")
        let input: SQLRelation
        if accept("table") {
            let inputPosition = current.position
            var parts = [try name("a table name")]
            while accept(symbol: ".") { parts.append(try name("a name after '.'")) }
            input = .table(parts, alias: nil, inputPosition)
        } else if current.isSymbol("(") {
            let inputPosition = current.position
            advance()
            let subquery = try query()
            try expect(symbol: ")")
            input = .subquery(subquery, alias: nil, inputPosition)
        } else {
            throw unexpected("TABLE name or (SELECT …) as predict's input")
        }
        try expect(symbol: ")")
        return .predict(model: model, input: input, alias: try alias(), position)
    }
}
