import Columnar
@testable import Expressions
import Testing

/// `regexp_replace`: Java-style patterns and replacements, compiled once per evaluator.
@Suite struct RegexReplaceTests {
    func batch(_ values: [String?]) throws -> RecordBatch {
        try RecordBatch(schema: Schema([Field("x", .string)]), columns: [.strings(values)], rowCount: values.count)
    }

    @Test func compilesEachPatternOnceAcrossBatches() throws {
        let evaluator = ExpressionEvaluator()
        let digits = regexpReplace(col("x"), "[^0-9]", "")
        for values in [["a1b2", nil], ["x-9"], ["", "77 7"]] {
            #expect(try evaluator.evaluate(digits, on: try batch(values)).scalars
                == values.map { $0.map { .string($0.filter(\.isNumber)) } ?? .null })
        }
        #expect(evaluator.compiled.count == 1)
        // A copy of the evaluator (as an operator keeps one) shares the compiled program.
        let copy = evaluator
        _ = try copy.evaluate(digits, on: try batch(["1"]))
        #expect(evaluator.compiled.count == 1)
    }

    @Test func samePatternWithAnotherReplacementIsItsOwnProgram() throws {
        let evaluator = ExpressionEvaluator()
        let input = try batch(["a.b.c"])
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "\\.", "-"), on: input).scalars == [.string("a-b-c")])
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "\\.", "+"), on: input).scalars == [.string("a+b+c")])
        #expect(evaluator.compiled.count == 2)
    }

    @Test func specialCharactersInPatternAndReplacement() throws {
        let evaluator = ExpressionEvaluator()
        let input = try batch(["a.b", "x1y22", "$5 (net)"])
        // An unescaped dot matches any character; an escaped one only a dot.
        #expect(try evaluator.evaluate(regexpReplace(col("x"), ".", "-"), on: input).scalars
            == [.string("---"), .string("-----"), .string("--------")])
        // Groups by `$n`, a literal dollar by `\$`.
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "(\\d+)", "[$1]"), on: input).scalars
            == [.string("a.b"), .string("x[1]y[22]"), .string("$[5] (net)")])
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "\\$", "\\$\\$"), on: input).scalars
            == [.string("a.b"), .string("x1y22"), .string("$$5 (net)")])
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "\\(([a-z]+)\\)$", "<$1>"), on: input).scalars
            == [.string("a.b"), .string("x1y22"), .string("$5 <net>")])
    }

    @Test func anInvalidPatternFailsOnEveryBatchAndIsNotCached() throws {
        let evaluator = ExpressionEvaluator()
        for _ in 0..<2 {
            #expect(throws: ExpressionError.self) {
                try evaluator.evaluate(regexpReplace(col("x"), "(", ""), on: try batch(["a"]))
            }
        }
        #expect(evaluator.compiled.count == 0)
    }
}
