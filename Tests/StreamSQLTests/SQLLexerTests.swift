import Testing
@testable import StreamSQL

@Suite struct SQLLexerTests {
    @Test func backquotedNamesKeepDotsSpacesAndDashes() throws {
        let tokens = try SQLLexer.tokenize("SELECT `CURRENT-BAL`, `a.b c` FROM t")
        #expect(tokens[1].kind == .quotedIdentifier)
        #expect(tokens[1].text == "CURRENT-BAL")
        #expect(tokens[3].text == "a.b c")
        #expect(tokens[3].position == SQLPosition(line: 1, column: 23))
    }
}
