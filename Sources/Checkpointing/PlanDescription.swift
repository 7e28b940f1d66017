/// The plan a checkpoint's `metadata` records, read back into a tree of operators.
///
/// `StreamingQuery` records its physical plan as one line (FORMAT.md, `metadata`):
/// `sources=2 mode=append project[ID:string,n:bigint](stateStoreSave{window=30000000/30000000/0}[…](…))`:
/// the number of sources and the output mode, then every operator as its name, its settings in
/// braces (a window's length/slide/start and a watermark's delay, microseconds), its output
/// columns in brackets and its children in parentheses. The fingerprint only says *whether* two
/// plans differ; this tree lets ``PlanComparison`` say *where*.
///
/// The text is parsed leniently: column names may hold spaces, slashes and balanced brackets
/// (`sum(x)`, `probability[1]`). Text that does not parse gives nil, and callers fall back to
/// comparing the fingerprints.
public struct PlanDescription: Sendable, Hashable {
    /// One operator of the plan.
    public struct Operator: Sendable, Hashable {
        /// The operator's name (`project`, `stateStoreSave`, `symmetricHashJoin`, `eventTimeWatermark`, …).
        public var name: String
        /// Its settings in recorded order (`window` → `30000000/30000000/0`, `delay` → `5000000`).
        public var settings: [Setting]
        /// Its output columns in order.
        public var columns: [Column]
        /// Its inputs, left to right.
        public var children: [Operator]

        /// Whether the operator keeps state across batches (and so has a `state/<op>/` directory).
        public var isStateful: Bool { name == "stateStoreSave" || name == "symmetricHashJoin" }

        /// The value of setting `key`, if recorded.
        public func setting(_ key: String) -> String? { settings.first { $0.key == key }?.value }
    }

    /// A `key=value` setting of an operator.
    public struct Setting: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    /// An output column: name and Spark type name (`bigint`, `struct<start:timestamp,end:timestamp>`).
    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: String

        /// Whether the name is a compiler's internal slot (`#27`), renumbered by any change upstream.
        public var isInternal: Bool { name.hasPrefix("#") && name.dropFirst().allSatisfy(\.isNumber) && name.count > 1 }
    }

    /// The number of sources the query reads, in plan order.
    public var sourceCount: Int?
    /// The output mode (`append`, `update`, `complete`).
    public var outputMode: String?
    /// The operator that feeds the sink.
    public var root: Operator

    /// The plan in `text`, or nil when the text is not a plan description.
    public init?(_ text: String) {
        var parser = Parser(Array(text.unicodeScalars))
        var sourceCount: Int?
        var outputMode: String?
        while let word = parser.headerWord() {
            if word.hasPrefix("sources=") { sourceCount = Int(word.dropFirst("sources=".count)) }
            if word.hasPrefix("mode=") { outputMode = String(word.dropFirst("mode=".count)) }
        }
        guard let root = parser.node(), parser.atEnd else { return nil }
        self.sourceCount = sourceCount
        self.outputMode = outputMode
        self.root = root
    }

    /// The stateful operators depth first, in the order the checkpoint numbers them
    /// (`state/0/` is the first), with their path from the root.
    public var statefulOperators: [(index: Int, path: [Int], operator: Operator)] {
        var found: [(index: Int, path: [Int], operator: Operator)] = []
        func visit(_ op: Operator, _ path: [Int]) {
            // The engine numbers stateful operators in the order `allOperators` lists them:
            // an operator before its children (pre-order).
            if op.isStateful { found.append((found.count, path, op)) }
            for (i, child) in op.children.enumerated() { visit(child, path + [i]) }
        }
        visit(root, [])
        return found
    }

    /// The plan as an indented tree, one operator per line (`  stateStoreSave {window 30 s} [ID: string, n: bigint]`),
    /// each with its first `maxColumns` columns.
    public func treeLines(indent: String = "", maxColumns: Int = 8) -> [String] {
        var lines: [String] = []
        func visit(_ op: Operator, _ depth: Int) {
            let settings = op.settings.map { "\($0.key) \(Self.readable($0))" }.joined(separator: ", ")
            let shown = op.columns.prefix(maxColumns).map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            let columns = op.columns.count > maxColumns ? shown + ", … (\(op.columns.count) columns)" : shown
            lines.append(indent + String(repeating: "  ", count: depth) + op.name + (settings.isEmpty ? "" : " {\(settings)}") + " [\(columns)]")
            for child in op.children { visit(child, depth + 1) }
        }
        visit(root, 0)
        return lines
    }

    /// A setting in words: microsecond durations as `30 s`, a window as `30 s every 30 s`.
    public static func readable(_ setting: Setting) -> String {
        switch setting.key {
        case "window":
            let parts = setting.value.split(separator: "/").map { Int64($0) }
            guard parts.count == 3, let length = parts[0], let slide = parts[1], let start = parts[2] else { return setting.value }
            return duration(length) + (slide == length ? "" : " sliding every \(duration(slide))") + (start == 0 ? "" : " starting at +\(duration(start))")
        case "delay":
            return Int64(setting.value).map(duration) ?? setting.value
        default:
            return setting.value
        }
    }

    /// Microseconds as the largest whole unit (`30 s`, `5 min`, `1500 ms`).
    public static func duration(_ micros: Int64) -> String {
        for (unit, size) in [("h", Int64(3_600_000_000)), ("min", 60_000_000), ("s", 1_000_000), ("ms", 1000)]
        where micros != 0 && micros % size == 0 {
            return "\(micros / size) \(unit)"
        }
        return "\(micros) µs"
    }

    private struct Parser {
        let text: [Unicode.Scalar]
        var position = 0

        init(_ text: [Unicode.Scalar]) { self.text = text }

        var atEnd: Bool { position == text.count }

        /// The next `key=value ` word of the header, or nil when the operators start.
        mutating func headerWord() -> String? {
            var end = position
            while end < text.count, text[end] != " " {
                if "{[(".unicodeScalars.contains(text[end]) { return nil }
                end += 1
            }
            let word = String(String.UnicodeScalarView(text[position..<end]))
            guard word.contains("="), end < text.count else { return nil }
            position = end + 1
            return word
        }

        mutating func node() -> Operator? {
            let start = position
            // A name may hold bracket groups itself (`MemorySource[bureau]`): the column list is
            // the bracket group not followed by another one.
            while position < text.count, text[position] != "{" {
                if text[position] == "[" {
                    guard let close = matchingClose(from: position) else { return nil }
                    if close + 1 >= text.count || text[close + 1] != "[" { break }
                    position = close + 1
                } else {
                    position += 1
                }
            }
            guard position < text.count, position > start else { return nil }
            let name = String(String.UnicodeScalarView(text[start..<position]))
            var settings: [Setting] = []
            if text[position] == "{" {
                guard let body = enclosed(open: "{", close: "}") else { return nil }
                for item in split(body) {
                    let parts = item.split(separator: "=", maxSplits: 1)
                    settings.append(Setting(key: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : ""))
                }
            }
            guard position < text.count, text[position] == "[", let body = enclosed(open: "[", close: "]") else { return nil }
            var columns: [Column] = []
            for item in split(body) where !item.isEmpty {
                // The type never holds a name's characters; the name may hold a colon only inside brackets.
                guard let colon = Self.lastTopLevelColon(item) else { return nil }
                columns.append(Column(name: String(item[..<colon]), type: String(item[item.index(after: colon)...])))
            }
            var children: [Operator] = []
            if position < text.count, text[position] == "(" {
                position += 1
                while true {
                    guard let child = node() else { return nil }
                    children.append(child)
                    guard position < text.count else { return nil }
                    if text[position] == ")" { position += 1; break }
                    guard text[position] == ",", position + 1 < text.count, text[position + 1] == " " else { return nil }
                    position += 2
                }
            }
            return Operator(name: name, settings: settings, columns: columns, children: children)
        }

        /// The index of the bracket closing the one at `index`.
        func matchingClose(from index: Int) -> Int? {
            var depth = 0
            for i in index..<text.count {
                if text[i] == "[" || text[i] == "{" || text[i] == "(" { depth += 1 }
                if text[i] == "]" || text[i] == "}" || text[i] == ")" {
                    depth -= 1
                    if depth == 0 { return i }
                }
            }
            return nil
        }

        /// The text between `open` at the position and its matching `close`; moves past `close`.
        mutating func enclosed(open: Unicode.Scalar, close: Unicode.Scalar) -> String? {
            var depth = 0
            let start = position + 1
            while position < text.count {
                let c = text[position]
                if c == "[" || c == "{" || c == "(" { depth += 1 }
                if c == "]" || c == "}" || c == ")" {
                    depth -= 1
                    if depth == 0 {
                        guard c == close else { return nil }
                        let body = String(String.UnicodeScalarView(text[start..<position]))
                        position += 1
                        return body
                    }
                }
                position += 1
            }
            return nil
        }

        /// `body` split at commas outside brackets and outside a type's `<…>`.
        func split(_ body: String) -> [String] {
            var items: [String] = []
            var current = ""
            var depth = 0
            var angle = 0
            for c in body.unicodeScalars {
                switch c {
                case "[", "(", "{": depth += 1
                case "]", ")", "}": depth -= 1
                case "<": angle += 1
                case ">": angle = max(0, angle - 1)
                default: break
                }
                if c == ",", depth == 0, angle == 0 {
                    items.append(current)
                    current = ""
                } else {
                    current.unicodeScalars.append(c)
                }
            }
            if !current.isEmpty || !items.isEmpty { items.append(current) }
            return items
        }

        /// The colon between a column's name and its type: the last one not inside a type's `<…>`.
        static func lastTopLevelColon(_ item: String) -> String.Index? {
            guard let angle = item.firstIndex(of: "<") else { return item.lastIndex(of: ":") }
            return item[..<angle].lastIndex(of: ":")
        }
    }
}
