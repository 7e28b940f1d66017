import Testing
import Columnar
import StreamPlan
@testable import StreamSQL

@Suite struct SQLShellTests {
    final class Captured {
        var output: [String] = []
        var errors: [String] = []
    }

    func shell(_ format: SQLResultFormatter.Format = .table) throws -> (SQLShell, Captured) {
        var catalog = SQLCatalog()
        let t = try RecordBatch(
            schema: Schema([Field("name", .string), Field("n", .long), Field("x", .double)]),
            columns: [.strings(["a", nil, "a,b"]), .longs([1, 22, nil]), .doubles([1.5, 2, 3])], rowCount: 3)
        catalog.register("t", try DataFrame.table(t))
        let captured = Captured()
        let shell = SQLShell(
            session: SQLSession(catalog: catalog), format: format,
            output: { captured.output.append($0) }, errors: { captured.errors.append($0) })
        return (shell, captured)
    }

    @Test func tableFormatAlignsAndShowsNull() throws {
        let (shell, captured) = try shell()
        #expect(shell.runScript("SELECT name, n FROM t ORDER BY n"))
        #expect(captured.output.count == 1)
        let lines = captured.output[0].split(separator: "\n").map(String.init)
        #expect(lines[1] == "| name | n    |")
        #expect(lines[3] == "| a,b  | NULL |")
        #expect(lines[4] == "| a    |    1 |")
        #expect(lines[5] == "| NULL |   22 |")
        #expect(lines.last == "3 rows")
    }

    @Test func csvAndJSONFormats() throws {
        let (csv, csvOut) = try shell(.csv)
        #expect(csv.runScript("SELECT name, x FROM t"))
        #expect(csvOut.output == ["name,x\na,1.5\n,2.0\n\"a,b\",3.0\n"])
        let (json, jsonOut) = try shell(.json)
        #expect(json.runScript("SELECT n FROM t WHERE n > 1"))
        #expect(jsonOut.output == ["{\"n\":22}\n"])
    }

    @Test func scriptStopsAtTheFirstError() throws {
        let (shell, captured) = try shell(.csv)
        #expect(!shell.runScript("SELECT 1 AS a;\nSELECT nme FROM t;\nSELECT 2 AS b;", source: "q.sql"))
        #expect(captured.output == ["a\n1\n"])
        #expect(captured.errors.count == 1)
        #expect(captured.errors[0].hasPrefix("q.sql: error at line 2, column 8: column `nme` does not exist; did you mean `name`?"))
        #expect(captured.errors[0].hasSuffix("\n  SELECT nme FROM t\n         ^"))
    }

    @Test func interactiveReadsUntilSemicolonAndQuits() throws {
        let (shell, captured) = try shell(.csv)
        var lines = ["SELECT n", "FROM t -- not yet; a comment", "WHERE n = 1;", "SELECT bad;", "\\q", "SELECT 3 AS never;"][...]
        shell.interact(readLine: { lines.popFirst() })
        #expect(captured.output == ["n\n1\n"])
        #expect(captured.errors.count == 1)
    }

    @Test func endOfInputRunsTheLastStatement() throws {
        let (shell, captured) = try shell(.csv)
        var lines = ["SELECT 7 AS seven"][...]
        shell.interact(readLine: { lines.popFirst() })
        #expect(captured.output == ["seven\n7\n"])
    }

    @Test func scriptSplittingIgnoresQuotedSemicolons() {
        let statements = SQLScript.statements("SELECT ';' AS a; -- x;\nSELECT `b;c`\nFROM t;\n")
        #expect(statements.map { $0.sql.trimmingSpaces() } == ["SELECT ';' AS a", "-- x;\nSELECT `b;c`\nFROM t"])
        #expect(statements.map(\.line) == [1, 1])
        #expect(SQLScript.statements("SELECT 1;\n\nSELECT 2").map(\.line) == [1, 1])
    }
}
