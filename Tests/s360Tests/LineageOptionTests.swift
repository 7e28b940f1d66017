import ArgumentParser
import Testing
@testable import s360

/// Issue 16, item 5: the lineage options' names (`--lineage`, `--lineage-limit`) on `s360 topup`
/// and `s360 demo`, and what they refuse before anything runs.
@Suite struct LineageOptionTests {
    let base = ["--customer", "in/c", "--bureau", "in/b"]

    @Test func topUpTakesLineageWithAModelAndADump() throws {
        let command = try TopUpCommand.parse(base + ["--model", "m", "--dump", "out", "--lineage", "--lineage-limit", "25"])
        #expect(command.lineage && command.lineageLimit == 25)
        #expect(try !TopUpCommand.parse(base + ["--dump", "out"]).lineage, "off by default")
    }

    @Test func topUpRefusesLineageItCannotWrite() {
        #expect(throws: (any Error).self, "no model") { try TopUpCommand.parse(base + ["--dump", "out", "--lineage"]) }
        #expect(throws: (any Error).self, "no dump") { try TopUpCommand.parse(base + ["--model", "m", "--lineage"]) }
        #expect(throws: (any Error).self, "a limit without --lineage") {
            try TopUpCommand.parse(base + ["--model", "m", "--dump", "out", "--lineage-limit", "5"])
        }
        #expect(throws: (any Error).self, "a limit below 1") {
            try TopUpCommand.parse(base + ["--model", "m", "--dump", "out", "--lineage", "--lineage-limit", "0"])
        }
    }

    @Test func demoTakesLineage() throws {
        #expect(try DemoCommand.parse(["--lineage"]).lineage)
        #expect(try !DemoCommand.parse([]).lineage)
    }
}
