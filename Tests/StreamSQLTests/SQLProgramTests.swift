import Foundation
import Columnar
import Expressions
import StreamPlan
import StreamTesting
import Testing
@testable import StreamSQL

/// Pipeline files: variables, declarations, errors located in the file, one set of sources per INSERT.
@Suite struct SQLProgramTests {
    /// Opens memory sources (every `json` table a stream of its declared columns) and counts the opens.
    final class CountingConnectors: SQLConnectorFactory {
        var opened: [String] = []
        func source(_ declaration: SQLTableDeclaration) throws -> DataFrame {
            opened.append(declaration.name)
            guard let columns = declaration.columns else { throw SQLError(.syntax, "no columns") }
            return try DataFrame.readStream(MemorySource(schema: columns, name: declaration.name))
        }
        func model(_ location: String) throws -> SQLScorer {
            { frame in try frame.withColumn("prediction", lit(1.0)) }
        }
    }

    static let file = """
        CREATE TABLE clicks (user_id INT, url STRING, ts TIMESTAMP,
                             WATERMARK FOR ts AS ts - INTERVAL '10' SECOND)
          USING json OPTIONS (path '${IN}', maxFilesPerTrigger '1');
        CREATE VIEW per_url AS
        SELECT window.start AS minute, url, count(*) AS n FROM clicks GROUP BY window(ts, '1 minute'), url;
        CREATE TABLE out_a USING jsonl OPTIONS (path '${OUT:-out}/a.jsonl');
        CREATE TABLE out_b USING jsonl OPTIONS (path '${OUT:-out}/b.jsonl', outputMode 'update');
        INSERT INTO out_a SELECT * FROM per_url;
        INSERT INTO out_b SELECT user_id, prediction FROM predict(MODEL 'm', TABLE clicks);
        """

    @Test func everyInsertCompilesWithSourcesOfItsOwn() throws {
        let program = try SQLProgram(Self.file, variables: ["IN": "data/clicks"])
        #expect(program.inserts.map(\.table) == ["out_a", "out_b"])
        #expect(program.sink(of: program.inserts[1]).option("path") == "out/b.jsonl")
        #expect(program.tables["clicks"]?.option("path") == "data/clicks")
        let connectors = CountingConnectors()
        let a = try program.compile(program.inserts[0], connectors: connectors)
        let b = try program.compile(program.inserts[1], connectors: connectors)
        #expect(connectors.opened == ["clicks", "clicks"])
        #expect(a.frame.schema.names == ["minute", "url", "n"])
        #expect(b.frame.schema.names == ["user_id", "prediction"])
        #expect(a.frame.isStreaming && b.frame.isStreaming)
        #expect(a.sources.map(\.name) == ["clicks"])
    }

    @Test func variablesTheirDefaultsAndAMissingOne() throws {
        #expect(try SQLVariables.substitute("a ${X} ${Y:-d} ${Z:-${X}/z}", ["X": "1"]) == "a 1 d 1/z")
        #expect {
            _ = try SQLVariables.substitute("SELECT 1;\n  FROM ${NOPE}", ["X": "1"])
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.position == SQLPosition(line: 2, column: 8) && error.message.contains("--var NOPE=VALUE")
        }
    }

    @Test func anErrorInAViewPointsAtItsLineInTheFile() throws {
        let broken = Self.file.replacingOccurrences(of: "count(*) AS n FROM clicks", with: "count(*) AS n, ur1 FROM clicks")
        let program = try SQLProgram(broken, variables: ["IN": "x"])
        #expect {
            _ = try program.compile(program.inserts[0], connectors: CountingConnectors())
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.position?.line == 5 && error.message.contains("url") && (error.excerpt ?? "").contains("ur1 FROM clicks")
        }
    }

    @Test func sinksMustBeDeclaredAndAreNotReadable() throws {
        #expect {
            _ = try SQLProgram("CREATE TABLE out_a USING jsonl OPTIONS (path 'a');\nINSERT INTO out_b SELECT 1 AS x")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.position == SQLPosition(line: 2, column: 13) && error.message.contains("did you mean `out_a`")
        }
        let program = try SQLProgram(
            "CREATE TABLE a (x INT) USING json OPTIONS (path 'p');\nCREATE TABLE b USING jsonl OPTIONS (path 'q');\nINSERT INTO b SELECT * FROM a;\nCREATE TABLE c USING console;\nINSERT INTO c SELECT * FROM b")
        #expect {
            _ = try program.compile(program.inserts[1], connectors: CountingConnectors())
        } throws: { error in
            (error as? SQLError)?.message.contains("`b` is a sink") ?? false
        }
        #expect(throws: SQLError.self) { _ = try SQLProgram("CREATE TABLE a USING console") }  // nothing would run
    }

    @Test func predictNeedsAModelLoader() {
        #expect {
            _ = try SQLSession().dataFrame("SELECT * FROM predict(MODEL 'm', (SELECT 1 AS x))")
        } throws: { error in
            (error as? SQLError)?.kind == .unsupported
        }
    }
}

extension SQLProgramTests {
    /// `WATERMARK FOR` on a view is `withWatermark` on the view's output, seen by every query reading it.
    @Test func aViewsWatermarkIsInThePlanOfTheQueriesReadingIt() throws {
        let program = try SQLProgram("""
            CREATE TABLE raw (id STRING, ts TIMESTAMP) USING json OPTIONS (path 'p');
            CREATE VIEW events WATERMARK FOR ts AS ts - INTERVAL '2' MINUTE AS SELECT upper(id) AS id, ts FROM raw;
            CREATE TABLE out USING console;
            INSERT INTO out SELECT window.end AS until, count(*) AS n FROM events GROUP BY window(ts, '10 minutes');
            """)
        let compiled = try program.compile(program.inserts[0], connectors: CountingConnectors())
        func delays(_ plan: LogicalPlan) -> [Int64] {
            if case .watermark(let child, _, let delay) = plan { return [delay] + delays(child) }
            return plan.children.flatMap(delays)
        }
        #expect(delays(compiled.frame.plan) == [120_000_000])
        #expect(compiled.frame.schema.names == ["until", "n"])
    }
}
