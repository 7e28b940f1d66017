import Columnar

/// Kernels of the string built-ins: keep-digits, regexp_replace, lower, upper, trim, coalesce.
enum StringFunctions {
    /// Applies `function` to `args`; `compiled` holds the evaluator's compiled regular expressions.
    static func apply(_ function: BuiltinFunction, _ args: [Column], compiled: CompiledFunctions) throws(ExpressionError) -> Column {
        guard let input = args.first else {
            throw .typeMismatch(expression: function.name, detail: "needs one argument")
        }
        switch function {
        case .keepDigits: return keepDigits(input)
        case .lower: return mapStrings(input) { $0.lowercased() }
        case .upper: return mapStrings(input) { $0.uppercased() }
        case .trim: return mapBytes(input) { bytes, out in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            out.append(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        case .regexpReplace(let pattern, let replacement):
            return try compiled.regexReplace(input, pattern: pattern, replacement: replacement)
        case .coalesce:
            return coalesce(args, type: .string, count: input.count)
        case .toTimestamp(let pattern):
            let parser = try TimestampPattern(pattern)
            let strings = input.strings
            var builder = ColumnBuilder(type: .timestamp, capacity: input.count)
            strings.bytes.withUnsafeBufferPointer { all in
                for row in 0..<input.count {
                    if !input.isNull(row), let micros = parser.parse(UnsafeBufferPointer(rebasing: all[strings.range(row)])) {
                        builder.append(micros)
                    } else {
                        builder.appendNull()
                    }
                }
            }
            return builder.finish()
        }
    }

    /// The characters of each string that Python's `str.isdigit()` accepts, in order; null and
    /// empty input give `""` (the seed's UDF: `''.join(ch for ch in a if ch.isdigit()) if a else ''`).
    ///
    /// Besides ASCII digits that keeps every Unicode Decimal or Digit character (Arabic-Indic,
    /// Devanagari, fullwidth, superscripts, circled digits: ``PythonDigits``), so `"12٣"` gives
    /// `"12٣"`, which Spark's cast to int then rejects (null), as it does for the seed.
    static func keepDigits(_ input: Column) -> Column {
        let strings = input.strings
        var out = StringBuffer()
        out.reserveCapacity(rows: input.count, bytes: strings.bytes.count)
        var scratch = [UInt8](repeating: 0, count: 64)
        strings.bytes.withUnsafeBufferPointer { all in
            for row in 0..<input.count {
                if input.isNull(row) {
                    out.appendEmpty()
                    continue
                }
                let range = strings.range(row)
                if scratch.count < range.count { scratch = [UInt8](repeating: 0, count: range.count) }
                var n = 0
                var i = range.lowerBound
                while i < range.upperBound {
                    let byte = all[i]
                    if byte < 0x80 {
                        if byte >= 0x30 && byte <= 0x39 {
                            scratch[n] = byte
                            n += 1
                        }
                        i += 1
                        continue
                    }
                    let length = Self.utf8Length(lead: byte)
                    guard length > 1, i + length <= range.upperBound else {
                        i += 1  // a stray continuation or truncated sequence: no character to keep
                        continue
                    }
                    var scalar = UInt32(byte) & (0xFF >> (length + 1))
                    for k in 1..<length { scalar = scalar << 6 | UInt32(all[i + k] & 0x3F) }
                    if PythonDigits.contains(scalar) {
                        for k in 0..<length { scratch[n + k] = all[i + k] }
                        n += length
                    }
                    i += length
                }
                scratch.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            }
        }
        return Column(type: .string, count: input.count, validity: nil, storage: .utf8(out))
    }

    /// The length of the UTF-8 sequence that `lead` starts (0 for a continuation byte).
    static func utf8Length(lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 0
        }
    }

    static func mapStrings(_ input: Column, _ transform: (String) -> String) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: input.count)
        let strings = input.strings
        for row in 0..<input.count {
            if input.isNull(row) { builder.appendNull() } else { builder.append(transform(strings.string(row))) }
        }
        return builder.finish()
    }

    static func mapBytes(_ input: Column, _ transform: (UnsafeBufferPointer<UInt8>, inout ColumnBuilder) -> Void) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: input.count)
        let strings = input.strings
        strings.bytes.withUnsafeBufferPointer { all in
            for row in 0..<input.count {
                if input.isNull(row) {
                    builder.appendNull()
                } else {
                    transform(UnsafeBufferPointer(rebasing: all[strings.range(row)]), &builder)
                }
            }
        }
        return builder.finish()
    }

    static func coalesce(_ args: [Column], type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        for row in 0..<count {
            if let column = args.first(where: { !$0.isNull(row) }) {
                builder.append(from: column, row: row)
            } else {
                builder.appendNull()
            }
        }
        return builder.finish()
    }
}
