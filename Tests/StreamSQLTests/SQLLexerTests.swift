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

    @Test func stringsApplySparkEscapes() throws {
        let tokens = try SQLLexer.tokenize(#"'it\'s' "a\tb" '\u0041\\'"#)
        #expect(tokens.map(\.text).prefix(3) == ["it's", "a\tb", "A\\"])
        #expect(tokens.prefix(3).allSatisfy { $0.kind == .string })
    }

    @Test func numbersWithSuffixes() throws {
        let tokens = try SQLLexer.tokenize("12 12L 1.5 .5 1e3 2D")
        #expect(tokens.map(\.kind).prefix(6) == [.integer, .integer, .decimal, .decimal, .decimal, .decimal])
        #expect(tokens[1].text == "12L")
    }

    @Test func commentsAreSkippedAndPositionsCountLines() throws {
        let tokens = try SQLLexer.tokenize("SELECT -- a comment\n  /* block /* nested */ */ x")
        #expect(tokens.map(\.text) == ["SELECT", "x", ""])
        #expect(tokens[1].position == SQLPosition(line: 2, column: 28))
    }

    @Test func operatorsAreLongestMatch() throws {
        let tokens = try SQLLexer.tokenize("a<=>b<>c!=d||e::int")
        #expect(tokens.filter { $0.kind == .symbol }.map(\.text) == ["<=>", "<>", "!=", "||", "::"])
    }

    @Test func unterminatedStringSaysWhereItOpened() {
        #expect {
            _ = try SQLLexer.tokenize("SELECT 'abc")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.position == SQLPosition(line: 1, column: 8) && error.message.contains("unterminated string")
        }
    }
}
