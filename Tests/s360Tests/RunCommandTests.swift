import Foundation
import Testing

/// `s360 run` and `s360 explain` as a person meets them: a mistake in a pipeline file is shown
/// at its line with a caret, an unbounded query is refused before it runs, explain's exit status.
@Suite struct RunCommandTests {
    func file(_ text: String) throws -> (directory: String, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("s360-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/in", withIntermediateDirectories: true)
        try #"{"user_id": 1, "product": "a", "ts": 1}"#.write(toFile: directory + "/in/part-0.jsonl", atomically: true, encoding: .utf8)
        try text.write(toFile: directory + "/p.sql", atomically: true, encoding: .utf8)
        return (directory, directory + "/p.sql")
    }

    @Test func aTypoInAViewIsShownAtItsLineWithACaretAndASuggestion() throws {
        let (directory, path) = try file("""
            CREATE TABLE clicks (user_id INT, product STRING, ts TIMESTAMP) USING json OPTIONS (path '${IN}');
            CREATE VIEW v AS
            SELECT user_id, prodct FROM clicks;
            CREATE TABLE out USING jsonl OPTIONS (path '${IN}/../out.jsonl');
            INSERT INTO out SELECT * FROM v;
            """)
        let result = try S360Binary.run(["run", path, "--var", "IN=\(directory)/in", "--checkpoint", directory + "/ckpt"])
        #expect(result.status == 1)
        #expect(result.error.contains("line 3, column 17"), "\(result.error)")
        #expect(result.error.contains("did you mean `product`"), "\(result.error)")
        #expect(result.error.contains("  SELECT user_id, prodct FROM clicks;\n                  ^"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/ckpt"))
    }

    @Test func aMissingVariableNamesTheOption() throws {
        let (_, path) = try file("CREATE TABLE c (x INT) USING json OPTIONS (path '${IN}');\nCREATE TABLE o USING console;\nINSERT INTO o SELECT * FROM c;")
        let result = try S360Binary.run(["run", path])
        #expect(result.status == 1)
        #expect(result.error.contains("--var IN=VALUE"), "\(result.error)")
    }

    @Test func explainExitsWithTwoOnUnboundedStateAndRunRefusesIt() throws {
        let (directory, path) = try file("""
            CREATE TABLE clicks (user_id INT, product STRING, ts TIMESTAMP) USING json OPTIONS (path '${IN}');
            CREATE TABLE out USING jsonl OPTIONS (path '${IN}/../out.jsonl', outputMode 'update');
            INSERT INTO out SELECT product, count(*) AS n FROM clicks GROUP BY product;
            """)
        let explained = try S360Binary.run(["explain", path, "--var", "IN=\(directory)/in"])
        #expect(explained.status == 2)
        #expect(explained.output.contains("UNBOUNDED: a GROUP BY without window(ts, …) keeps every key"), "\(explained.output)")
        let refused = try S360Binary.run(["run", path, "--var", "IN=\(directory)/in", "--checkpoint", directory + "/ckpt"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("--allow-unbounded-state"), "\(refused.error)")
        let allowed = try S360Binary.run(["run", path, "--var", "IN=\(directory)/in", "--checkpoint", directory + "/ckpt", "--allow-unbounded-state",
                                          "--progress", directory + "/progress.jsonl"])
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(allowed.output.contains("done in") && allowed.output.contains("out=1"), "\(allowed.output)")
        let progress = try String(contentsOfFile: directory + "/progress.jsonl", encoding: .utf8)
        #expect(progress.hasPrefix("{\"name\":\"out\",\"batchId\":0"), "\(progress)")
    }

    @Test func helpNamesTheOptionsAndTheStateCheck() throws {
        let run = try S360Binary.run(["run", "--help"])
        #expect(run.status == 0)
        for option in ["--checkpoint", "--var", "--trigger", "--progress", "--partitions", "--allow-unbounded-state", "WATERMARK"] {
            #expect(run.output.contains(option), "s360 run --help lacks \(option)")
        }
        let explain = try S360Binary.run(["explain", "--help"])
        #expect(explain.status == 0 && explain.output.contains("UNBOUNDED") && explain.output.contains("status 2"))
    }
}
