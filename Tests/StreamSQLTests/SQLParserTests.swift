import Testing
import Columnar
@testable import StreamSQL

@Suite struct SQLParserTests {
    func query(_ sql: String) throws -> SQLQuery {
        guard case .query(let q) = try SQLParser.parse(sql) else { throw SQLError(.syntax, "not a query") }
        return q
    }

    @Test func clausesInOrder() throws {
        let q = try query("""
            SELECT DISTINCT a, count(*) AS n FROM t JOIN u ON t.id = u.id LEFT OUTER JOIN v ON v.k = t.k
            WHERE a > 1 GROUP BY a HAVING count(*) > 2 ORDER BY n DESC NULLS LAST, 1 LIMIT 10;
            """)
        #expect(q.distinct)
        #expect(q.items.count == 2 && q.items[1].alias == "n")
        guard case .join(.join(_, _, .inner, _, _), _, .left, _, _)? = q.from else {
            Issue.record("expected ((t JOIN u) LEFT JOIN v), got \(String(describing: q.from))")
            return
        }
        #expect(q.groupBy.count == 1 && q.having != nil)
        #expect(q.orderBy.map(\.ascending) == [false, true] && q.orderBy[0].nullsFirst == false)
        #expect(q.limit == 10)
    }

    @Test func precedenceFollowsSpark() throws {
        let q = try query("SELECT a OR b AND NOT c = 1 + 2 * 3 || 'x' FROM t")
        #expect(q.items[0].expression.key == "(a OR (b AND (NOT (c = ((1 + (2 * 3)) || 'x')))))")
    }

    @Test func predicatesAndCase() throws {
        let q = try query("""
            SELECT x IS NOT NULL, x NOT BETWEEN 1 AND 2, x NOT IN (1, 2), x NOT LIKE 'a%',
                   CASE WHEN x > 1 THEN 'a' ELSE 'b' END, CASE x WHEN 1 THEN 'one' END, CAST(x AS bigint), -x
            FROM t
            """)
        let keys = q.items.map(\.expression.key)
        #expect(keys[0] == "(x IS NOT NULL)")
        #expect(keys[1].hasPrefix("(x NOT BETWEEN"))
        #expect(keys[2].hasPrefix("(x NOT IN"))
        #expect(keys[3].hasPrefix("(x NOT LIKE"))
        if case .caseWhen(nil, let branches, .some, _) = q.items[4].expression { #expect(branches.count == 1) } else { Issue.record("searched CASE") }
        if case .caseWhen(.some, _, nil, _) = q.items[5].expression {} else { Issue.record("simple CASE") }
        if case .cast(_, .long, _) = q.items[6].expression {} else { Issue.record("CAST AS bigint") }
        if case .unary("-", _, _) = q.items[7].expression {} else { Issue.record("unary minus") }
    }

    @Test func namesStarsAndFunctionCalls() throws {
        let q = try query("SELECT c.*, *, window.start, count(DISTINCT x), count(*), parquet.`a/b`.k FROM parquet.`out/p` AS c")
        if case .star(["c"], _) = q.items[0].expression {} else { Issue.record("c.*") }
        if case .star([], _) = q.items[1].expression {} else { Issue.record("*") }
        if case .identifier(["window", "start"], _) = q.items[2].expression {} else { Issue.record("window.start") }
        if case .function("count", _, true, _) = q.items[3].expression {} else { Issue.record("count(DISTINCT x)") }
        if case .function("count", let args, false, _) = q.items[4].expression, case .star = args.first {} else { Issue.record("count(*)") }
        if case .table(["parquet", "out/p"], "c", _)? = q.from {} else { Issue.record("parquet.`out/p` AS c") }
    }

    @Test func subqueryAndWith() throws {
        let q = try query("WITH a AS (SELECT 1 AS x) SELECT s.x FROM (SELECT x FROM a) s")
        #expect(q.commonTables.map(\.name) == ["a"])
        if case .subquery(_, "s", _)? = q.from {} else { Issue.record("subquery with alias") }
    }

    @Test func ddlSchemas() throws {
        #expect(try SQLParser.parseSchema("ID STRING, ts LONG") == .structure([Field("ID", .string), Field("ts", .long)]))
        #expect(try SQLParser.parseSchema("array<struct<a:int,b: string>>") == .array(.structure([Field("a", .int), Field("b", .string)])))
        #expect(try SQLParser.parseSchema("`CURRENT-BAL` double, m array<timestamp>")
            == .structure([Field("CURRENT-BAL", .double), Field("m", .array(.timestamp))]))
    }

    @Test func syntaxErrorPointsAtTheToken() {
        #expect {
            _ = try SQLParser.parse("SELECT a\nFROM t WHERE")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.kind == .syntax && error.position == SQLPosition(line: 2, column: 13)
                && error.description.contains("expected an expression, found the end of the statement")
        }
    }

    @Test func streamingStatementsParseAndSQLSessionRefersToRun() throws {
        guard case .createTable(let table) = try SQLParser.parse(
            "CREATE TEMPORARY TABLE t (id STRING, `my ts` TIMESTAMP, WATERMARK FOR `my ts` AS `my ts` - INTERVAL '5' SECOND) USING kafka OPTIONS (Topic 'x', kafka.bootstrap.servers = 'h:1', maxFilesPerTrigger 1)")
        else { Issue.record("not a CREATE TABLE"); return }
        #expect(table.format == "kafka")
        #expect(table.columns?.names == ["id", "my ts"])
        #expect(table.option("topic") == "x" && table.option("KAFKA.BOOTSTRAP.SERVERS") == "h:1" && table.option("maxfilespertrigger") == "1")
        #expect(table.watermark?.column == "my ts" && table.watermark?.delay == .seconds(5))
        #expect {
            _ = try SQLSession().dataFrame("CREATE TABLE t USING kafka OPTIONS (path 'x')")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.kind == .unsupported && error.message.contains("s360 run")
        }
    }

    @Test func viewsInsertsAndPredictParse() throws {
        guard case .createView(let view) = try SQLParser.parse(
            "CREATE VIEW v WATERMARK FOR ts AS ts - INTERVAL '1 minute' AS SELECT * FROM t") else { Issue.record("not a view"); return }
        #expect(view.name == "v" && view.watermark?.delay == .seconds(60))
        guard case .insert(let insert) = try SQLParser.parse("INSERT INTO out SELECT a FROM predict(MODEL 'models/m', TABLE v) p") else {
            Issue.record("not an INSERT"); return
        }
        #expect(insert.table == "out")
        guard case .predict(let model, .table(let parts, _, _), let alias, _) = insert.query.from else { Issue.record("not predict"); return }
        #expect(model == "models/m" && parts == ["v"] && alias == "p")
    }

    @Test func watermarkMustSubtractFromItsOwnColumn() {
        #expect {
            _ = try SQLParser.parse("CREATE TABLE t (ts TIMESTAMP, u TIMESTAMP, WATERMARK FOR ts AS u - INTERVAL '5' SECOND) USING json")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.position == SQLPosition(line: 1, column: 64) && error.message.contains("subtracted from the event-time column")
        }
        #expect {
            _ = try SQLParser.parse("CREATE TABLE t (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' fortnights) USING json")
        } throws: { error in
            (error as? SQLError)?.message.contains("is not a delay") ?? false
        }
    }
}
