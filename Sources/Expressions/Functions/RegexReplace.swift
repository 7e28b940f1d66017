import Columnar

/// `regexp_replace` compiled: the pattern as a Swift `Regex`, the replacement split into pieces.
///
/// Uses Swift's `Regex`, whose syntax covers the Java patterns people use in practice
/// (classes, quantifiers, groups, anchors). `$n` in the replacement inserts group `n`.
/// Compiled once per expression and evaluator (see ``CompiledFunctions``), not per batch.
struct RegexReplace {
    let regex: Regex<AnyRegexOutput>
    private let template: ReplacementTemplate

    init(pattern: String, replacement: String) throws(ExpressionError) {
        do {
            regex = try Regex(pattern)
        } catch {
            throw .invalidPattern(pattern, reason: "\(error)")
        }
        template = ReplacementTemplate(replacement)
    }

    func apply(_ input: Column) -> Column {
        StringFunctions.mapStrings(input) { text in
            text.replacing(regex) { match in template.render(match) }
        }
    }
}

/// A replacement string split into literal text and `$n` group references.
private struct ReplacementTemplate {
    enum Piece { case text(String), group(Int) }
    let pieces: [Piece]

    init(_ replacement: String) {
        var pieces: [Piece] = []
        var literal = ""
        var chars = Array(replacement)[...]
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.popFirst() {
                literal.append(next)
            } else if c == "$", let digit = chars.first, let n = digit.wholeNumberValue {
                chars.removeFirst()
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.group(n))
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.pieces = pieces
    }

    func render(_ match: Regex<AnyRegexOutput>.Match) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .group(let n):
                if n < match.output.count, let sub = match.output[n].substring { out += sub }
            }
        }
        return out
    }
}
