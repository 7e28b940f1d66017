import Columnar
import Synchronization

/// The compiled `regexp_replace` programs of one ``ExpressionEvaluator``, by pattern and
/// replacement, so a pattern is compiled on the first batch and reused for every later one.
///
/// Copies of an evaluator share one cache (an operator keeps its evaluator for the query's life).
/// Swift's `Regex` is not `Sendable`, so each program lives behind its own `Mutex` and is used
/// inside the lock, once per column: two tasks only wait for each other when they evaluate the
/// same pattern through the same evaluator at the same moment.
final class CompiledFunctions: Sendable {
    private struct Key: Hashable {
        var pattern: String
        var replacement: String
    }

    /// One compiled program behind its lock.
    private final class Program: Sendable {
        let regexReplace: Mutex<RegexReplace>
        init(_ compiled: consuming sending RegexReplace) { regexReplace = Mutex(compiled) }
    }

    private let programs = Mutex<[Key: Program]>([:])

    /// The number of compiled programs.
    var count: Int { programs.withLock { $0.count } }

    /// `regexp_replace(input, pattern, replacement)`, compiling the pattern on first use.
    func regexReplace(_ input: Column, pattern: String, replacement: String) throws(ExpressionError) -> Column {
        let key = Key(pattern: pattern, replacement: replacement)
        let program: Program
        if let cached = programs.withLock({ $0[key] }) {
            program = cached
        } else {
            let compiled = Program(try RegexReplace(pattern: pattern, replacement: replacement))
            program = programs.withLock { programs in
                if let raced = programs[key] { return raced }
                programs[key] = compiled
                return compiled
            }
        }
        return program.regexReplace.withLock { $0.apply(input) }
    }
}
