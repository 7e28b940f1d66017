public import Columnar
public import Expressions
import JSONIngest

/// Scalar functions Spark SQL has and the expression engine has no kernel for, as user
/// functions over whole columns. They work row by row over ``Scalar``s: correct and simple,
/// not fast; move one into `Expressions` as a kernel when a streaming pipeline needs it.
enum SQLScalarFunctions {
    /// A user function applying `body` to each row's argument values.
    static func rowwise(_ name: String, _ type: DataType, _ body: @escaping @Sendable ([Scalar]) -> Scalar) -> UserFunction {
        UserFunction(name: name, returnType: type) { columns in
            let count = columns.first?.count ?? 0
            var builder = ColumnBuilder(type: type, capacity: count)
            for row in 0..<count { builder.append(scalar: body(columns.map { $0.scalar(at: row) })) }
            return builder.finish()
        }
    }

    /// A function that is null when any argument is null (most of Spark's).
    static func strict(_ name: String, _ type: DataType, _ body: @escaping @Sendable ([Scalar]) -> Scalar) -> UserFunction {
        rowwise(name, type) { args in args.contains(where: \.isNull) ? .null : body(args) }
    }

    static func string(_ s: Scalar) -> String {
        if case .string(let v) = s { return v }
        return s.description
    }

    static func double(_ s: Scalar) -> Double? {
        switch s {
        case .int(let v): Double(v)
        case .long(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }

    static func integer(_ s: Scalar) -> Int64? {
        switch s {
        case .int(let v): Int64(v)
        case .long(let v): v
        case .double(let v): v.isFinite ? Int64(v) : nil
        default: nil
        }
    }

    /// `concat` over `n` strings: null if any is null.
    static func concat(_ n: Int) -> UserFunction {
        strict("concat", .string) { .string($0.map(string).joined()) }
    }

    static let concatWithSeparator = rowwise("concat_ws", .string) { args in
        guard let separator = args.first, !separator.isNull else { return .null }
        return .string(args.dropFirst().filter { !$0.isNull }.map(string).joined(separator: string(separator)))
    }

    static let length = strict("length", .int) { .int(Int32(string($0[0]).count)) }

    /// `substring(s, pos[, len])`: 1-based; 0 counts as 1; negative counts from the end.
    static let substring = strict("substring", .string) { args in
        let chars = Array(string(args[0]))
        guard let pos = integer(args[1]) else { return .null }
        let length = args.count > 2 ? (integer(args[2]) ?? 0) : Int64(Int32.max)
        var start = pos > 0 ? pos - 1 : (pos < 0 ? Int64(chars.count) + pos : 0)
        var end = length < 0 ? start : start &+ length
        if start < 0 { start = 0 }
        end = min(max(end, 0), Int64(chars.count))
        guard start < end else { return .string("") }
        return .string(String(chars[Int(start)..<Int(end)]))
    }

    static let ltrim = strict("ltrim", .string) { .string(String(string($0[0]).drop { $0 == " " })) }
    static let rtrim = strict("rtrim", .string) { args in
        var s = string(args[0])
        while s.last == " " { s.removeLast() }
        return .string(s)
    }

    static let initcap = strict("initcap", .string) { args in
        var out = ""
        var atStart = true
        for c in string(args[0]) {
            out += atStart ? c.uppercased() : c.lowercased()
            atStart = c == " "
        }
        return .string(out)
    }

    static let replace = strict("replace", .string) { args in
        let search = string(args[1])
        guard !search.isEmpty else { return args[0] }
        let replacement = args.count > 2 ? string(args[2]) : ""
        return .string(string(args[0]).split(separator: search, omittingEmptySubsequences: false).joined(separator: replacement))
    }

    /// `instr(s, sub)`: 1-based position of the first occurrence, 0 when absent.
    static let instr = strict("instr", .int) { args in
        let s = Array(string(args[0])), sub = Array(string(args[1]))
        if sub.isEmpty { return .int(1) }
        guard s.count >= sub.count else { return .int(0) }
        for i in 0...(s.count - sub.count) where Array(s[i..<(i + sub.count)]) == sub { return .int(Int32(i + 1)) }
        return .int(0)
    }

    static func pad(left: Bool) -> UserFunction {
        strict(left ? "lpad" : "rpad", .string) { args in
            let s = Array(string(args[0]))
            guard let n = integer(args[1]) else { return .null }
            let target = Int(max(0, n))
            let padding = Array(args.count > 2 ? string(args[2]) : " ")
            if s.count >= target { return .string(String(s.prefix(target))) }
            if padding.isEmpty { return .string(String(s)) }
            var fill: [Character] = []
            while fill.count < target - s.count { fill.append(padding[fill.count % padding.count]) }
            return .string(String(left ? fill + s : s + fill))
        }
    }

    static func predicate(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> UserFunction {
        strict(name, .boolean) { .boolean(test(string($0[0]), string($0[1]))) }
    }

    /// SQL `LIKE`: `%` any run, `_` one character, `\` escapes.
    static let like = strict("like", .boolean) { args in
        .boolean(likeMatches(Array(string(args[0])), Array(string(args[1]))))
    }

    static func likeMatches(_ text: [Character], _ pattern: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func match(_ t: Int, _ p: Int) -> Bool {
            let key = t * (pattern.count + 1) + p
            if let known = memo[key] { return known }
            var result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "%" {
                result = match(t, p + 1) || (t < text.count && match(t + 1, p))
            } else if pattern[p] == "\\" && p + 1 < pattern.count {
                result = t < text.count && text[t] == pattern[p + 1] && match(t + 1, p + 2)
            } else {
                result = t < text.count && (pattern[p] == "_" || pattern[p] == text[t]) && match(t + 1, p + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    /// `RLIKE`: whether the regular expression matches anywhere in the string.
    static let rlike = UserFunction(name: "rlike", returnType: .boolean) { columns in
        var cache: [String: Regex<AnyRegexOutput>] = [:]
        var builder = ColumnBuilder(type: .boolean, capacity: columns[0].count)
        for row in 0..<columns[0].count {
            let text = columns[0].scalar(at: row), pattern = columns[1].scalar(at: row)
            guard case .string(let s) = text, case .string(let p) = pattern else {
                builder.appendNull()
                continue
            }
            let regex: Regex<AnyRegexOutput>
            if let cached = cache[p] { regex = cached } else {
                regex = try Regex(p)
                cache[p] = regex
            }
            builder.append((try? regex.firstMatch(in: s)) != nil)
        }
        return builder.finish()
    }

    /// `regexp_extract(s, pattern, group)`: the group of the first match, "" when none.
    static let regexpExtract = UserFunction(name: "regexp_extract", returnType: .string) { columns in
        var builder = ColumnBuilder(type: .string, capacity: columns[0].count)
        var cache: [String: Regex<AnyRegexOutput>] = [:]
        for row in 0..<columns[0].count {
            let args = columns.map { $0.scalar(at: row) }
            guard !args.contains(where: \.isNull), case .string(let s) = args[0], case .string(let p) = args[1] else {
                builder.appendNull()
                continue
            }
            let group = args.count > 2 ? Int(integer(args[2]) ?? 1) : 1
            let regex: Regex<AnyRegexOutput>
            if let cached = cache[p] { regex = cached } else {
                regex = try Regex(p)
                cache[p] = regex
            }
            if let match = try regex.firstMatch(in: s), group < match.output.count, let sub = match.output[group].substring {
                builder.append(String(sub))
            } else {
                builder.append("")
            }
        }
        return builder.finish()
    }

    /// `split(s, regex)`: an array of strings.
    static let split = UserFunction(name: "split", returnType: .array(.string)) { columns in
        var builder = ColumnBuilder(type: .array(.string), capacity: columns[0].count)
        for row in 0..<columns[0].count {
            guard case .string(let s) = columns[0].scalar(at: row), case .string(let p) = columns[1].scalar(at: row) else {
                builder.appendNull()
                continue
            }
            let parts: [Substring] = p.isEmpty ? s.map { Substring(String($0)) } : s.split(separator: try Regex(p), omittingEmptySubsequences: false)
            builder.append(scalar: .array(parts.map { .string(String($0)) }))
        }
        return builder.finish()
    }

    /// The element at `index - base` of an array (negative `element_at` indices count from the end).
    static func element(_ type: DataType, base: Int64) -> UserFunction {
        strict("get", type) { args in
            guard case .array(let items) = args[0], let raw = integer(args[1]) else { return .null }
            let index = base == 1 && raw < 0 ? Int64(items.count) + raw : raw - base
            return index >= 0 && index < Int64(items.count) ? items[Int(index)] : .null
        }
    }

    /// `size(array)`: -1 for null (Spark's non-ANSI default).
    static let size = rowwise("size", .int) { args in
        if case .array(let items) = args[0] { return .int(Int32(items.count)) }
        return .int(-1)
    }

    static func abs(_ type: DataType) -> UserFunction {
        strict("abs", type) { args in
            switch args[0] {
            case .int(let v): .int(v == .min ? v : Swift.abs(v))
            case .long(let v): .long(v == .min ? v : Swift.abs(v))
            case .double(let v): .double(Swift.abs(v))
            default: .null
            }
        }
    }

    /// `round(x, d)`, half away from zero (Spark's HALF_UP).
    static func round(_ type: DataType, digits: Int) -> UserFunction {
        strict("round", type) { args in
            switch args[0] {
            case .int(let v) where digits >= 0: return .int(v)
            case .long(let v) where digits >= 0: return .long(v)
            default:
                guard let x = double(args[0]) else { return .null }
                let scale = pow10(digits)
                let rounded = digits >= 0 ? (x * scale).rounded(.toNearestOrAwayFromZero) / scale : (x / pow10(-digits)).rounded(.toNearestOrAwayFromZero) * pow10(-digits)
                switch type {
                case .int: return .int(Int32(clamping: Int64(rounded)))
                case .long: return .long(Int64(rounded))
                default: return .double(x.isFinite ? rounded : x)
                }
            }
        }
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// `floor`/`ceil`: a bigint (Spark's result type for numbers).
    static func floorCeil(_ name: String, up: Bool) -> UserFunction {
        strict(name, .long) { args in
            switch args[0] {
            case .int(let v): return .long(Int64(v))
            case .long(let v): return .long(v)
            default:
                guard let x = double(args[0]) else { return .null }
                let r = up ? x.rounded(.up) : x.rounded(.down)
                return .long(r.isNaN ? 0 : (r >= 9.2e18 ? .max : (r <= -9.2e18 ? .min : Int64(r))))
            }
        }
    }

    static func math(_ name: String, _ f: @escaping @Sendable (Double, Double?) -> Double?) -> UserFunction {
        strict(name, .double) { args in
            guard let x = double(args[0]) else { return .null }
            let y = args.count > 1 ? double(args[1]) : nil
            return f(x, y).map(Scalar.double) ?? .null
        }
    }

    /// The parts of a timestamp in UTC (the session time zone `s360 sql` uses).
    static func timePart(_ name: String, _ part: @escaping @Sendable (Int64) -> Int64) -> UserFunction {
        strict(name, .int) { args in
            guard case .timestamp(let micros) = args[0] else { return .null }
            return .int(Int32(part(micros)))
        }
    }

    static func civil(_ micros: Int64) -> (year: Int64, month: Int64, day: Int64, seconds: Int64) {
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 { rest += perDay; days -= 1 }
        // Howard Hinnant's days-from-civil inverse.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, rest / 1_000_000)
    }

    /// A field of a struct value.
    static func field(_ index: Int, _ field: Field) -> UserFunction {
        rowwise("getField", field.type) { args in
            if case .structure(let items) = args[0], index < items.count { return items[index] }
            return .null
        }
    }

    /// A struct or array as text, as `CAST(x AS STRING)` prints it (`{1, a}`, `[1, 2]`).
    static let render = strict("to_string", .string) { .string($0[0].description) }

    static let secondsToTimestamp = strict("timestamp_seconds", .timestamp) { args in
        guard let x = double(args[0]) else { return .null }
        return .timestamp(Int64((x * 1_000_000).rounded(.towardZero)))
    }

    static let truncate = strict("truncate", .double) { args in
        guard let x = double(args[0]) else { return .null }
        return .double(x.rounded(.towardZero))
    }

    /// `from_json(s, schema)` for a struct or an array of structs (Spark's PERMISSIVE mode:
    /// malformed text gives null).
    static func fromJSON(_ type: DataType) -> UserFunction {
        let recordSchema: Schema
        let isArray: Bool
        switch type {
        case .array(.structure(let fields)): recordSchema = Schema(fields); isArray = true
        case .structure(let fields): recordSchema = Schema(fields); isArray = false
        default: recordSchema = Schema([]); isArray = false
        }
        return UserFunction(name: "from_json", returnType: type) { columns in
            let input = columns[0]
            var decoder = JSONRecordDecoder(schema: recordSchema, source: "from_json", quarantineLimit: 0)
            var ranges: [Range<Int>?] = []
            var next = 0
            for row in 0..<input.count {
                guard case .string(let text) = input.scalar(at: row) else {
                    ranges.append(nil)
                    continue
                }
                switch decoder.decode(message: Array(text.utf8), position: .file(path: "from_json", line: row + 1)) {
                case .decoded(let rows):
                    ranges.append(next..<(next + rows))
                    next += rows
                case .quarantined:
                    ranges.append(nil)
                }
            }
            let records = decoder.finish()
            var builder = ColumnBuilder(type: type, capacity: input.count)
            for range in ranges {
                guard let range, isArray || range.count == 1 else {
                    builder.appendNull()
                    continue
                }
                let structs = range.map { Scalar.structure(records.row($0)) }
                builder.append(scalar: isArray ? .array(structs) : structs[0])
            }
            return builder.finish()
        }
    }
}
