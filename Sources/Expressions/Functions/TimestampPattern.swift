import Columnar

/// `to_timestamp(str, pattern)` for the fixed-width datetime patterns pipelines use
/// (`yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd`, `dd-MM-yyyy HH:mm`, with `S…` fractions), in UTC.
///
/// Like Spark's non-ANSI `to_timestamp`, text that does not match the pattern exactly, or
/// names an impossible date, gives null. Letters other than y, M, d, H, m, s, S are rejected
/// when the expression is evaluated (``ExpressionError/invalidPattern(_:reason:)``).
struct TimestampPattern {
    enum Piece: Equatable {
        case field(Character, width: Int)
        case literal(UInt8)
    }

    let pieces: [Piece]

    init(_ pattern: String) throws(ExpressionError) {
        var pieces: [Piece] = []
        for character in pattern {
            if "yMdHmsS".contains(character) {
                if case .field(let c, let width) = pieces.last, c == character {
                    pieces[pieces.count - 1] = .field(c, width: width + 1)
                } else {
                    pieces.append(.field(character, width: 1))
                }
            } else if character.isLetter {
                throw .invalidPattern(pattern, reason: "pattern letter '\(character)' is not supported")
            } else if let ascii = character.asciiValue {
                pieces.append(.literal(ascii))
            } else {
                throw .invalidPattern(pattern, reason: "non-ASCII literal '\(character)'")
            }
        }
        self.pieces = pieces
    }

    /// Microseconds since the epoch, or nil when `text` does not match.
    func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var micros: Int64 = 0
        var i = 0
        for piece in pieces {
            switch piece {
            case .literal(let byte):
                guard i < text.count, text[i] == byte else { return nil }
                i += 1
            case .field(let letter, let width):
                var value = 0
                var digits = 0
                let maxDigits = (width == 1 && letter != "S") ? 2 : width
                while digits < maxDigits, i < text.count, text[i] >= 0x30, text[i] <= 0x39 {
                    value = value * 10 + Int(text[i] - 0x30)
                    i += 1
                    digits += 1
                }
                guard digits >= (width == 1 ? 1 : width) else { return nil }
                switch letter {
                case "y": year = value
                case "M": month = value
                case "d": day = value
                case "H": hour = value
                case "m": minute = value
                case "s": second = value
                default:
                    var fraction = Int64(value)
                    for _ in digits..<6 { fraction *= 10 }
                    micros = digits > 6 ? Int64(value) / Int64(pow10(digits - 6)) : fraction
                }
            }
        }
        guard i == text.count, TimestampFormat.isValidDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = TimestampFormat.daysFromCivil(year: year, month: month, day: day)
        return days * TimestampFormat.microsPerDay
            + Int64(hour * 3600 + minute * 60 + second) * TimestampFormat.microsPerSecond + micros
    }

    private func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}
