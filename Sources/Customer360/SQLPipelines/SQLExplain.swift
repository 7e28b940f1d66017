import Columnar
import Connectors
import Expressions
import StreamOperators
public import StreamPlan
public import StreamSQL

/// `s360 explain FILE.sql`: per `INSERT`, its logical plan, its physical plan and each
/// stateful operator's state bound (``SQLStateBounds``).
///
/// ```
/// query joined_out (append mode) -> jsonl
/// logical plan:
///   project [ID, SELF-INDICATOR_sum, … 50 columns]
///     join inner on …
/// physical plan:
///   symmetricHashJoin inner    -- state bounded by the watermark on ts, 35 s
/// ```
/// Internal column names (`#12`) are the SQL compiler's: each relation's columns are renamed
/// so that `a.id` and `b.id` never collide.
public enum SQLExplain {
    /// The explanation of every `INSERT` of `pipeline`, and the unbounded operators found.
    /// - Throws: ``SQLError`` located in the file; ``PlanError``.
    public static func explain(_ pipeline: SQLPipeline) throws -> (text: String, unbounded: [String]) {
        var parts: [String] = []
        var unbounded: [String] = []
        for compiled in try pipeline.compile() {
            let mode = try SQLSinks.outputMode(compiled.sink)
            let bounds = try SQLStateBounds(compiled.frame, outputMode: mode)
            unbounded += bounds.unbounded.map { "\(compiled.insert.table): \($0)" }
            var text = "query \(compiled.insert.table) (\(mode) mode) -> \(compiled.sink.format)"
            text += compiled.frame.isStreaming ? "" : " (bounded: reads tables only)"
            text += "\nlogical plan:\n" + render(compiled.frame.plan, depth: 1)
            text += "\nphysical plan:\n" + bounds.physicalPlan.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            if bounds.entries.isEmpty {
                text += "\nstate: none (every operator is stateless)"
            } else {
                text += "\nstate:\n" + bounds.entries.map { "  \($0.operatorName): \($0.explanation)" }.joined(separator: "\n")
            }
            parts.append(text)
        }
        return (parts.joined(separator: "\n\n"), unbounded)
    }

    /// One line per logical step, children indented below.
    static func render(_ plan: LogicalPlan, depth: Int) -> String {
        let pad = String(repeating: "  ", count: depth)
        func line(_ text: String, _ children: [LogicalPlan]) -> String {
            ([pad + text] + children.map { render($0, depth: depth + 1) }).joined(separator: "\n")
        }
        switch plan {
        case .source(let handle): return line("source \(handle.source.description)", [])
        case .table(let batch): return line("table (\(batch.rowCount) rows: \(columns(batch.schema.names)))", [])
        case .parseJSON(let child, let column, let schema, _):
            return line("parseJSON \(column) -> \(columns(schema.names))", [child])
        case .project(let child, let expressions): return line("project \(columns(expressions.map(\.outputName)))", [child])
        case .filter(let child, let condition): return line("filter \(short(condition.description))", [child])
        case .explode(let child, let column, let alias): return line("explode \(column) as \(alias)", [child])
        case .watermark(let child, let column, let delay):
            return line("watermark \(column), delay \(SQLStateBounds.seconds(delay))", [child])
        case .aggregate(let child, let window, let keys, let aggregations):
            let by = (window.map { ["window(\($0.timeColumn), \(SQLStateBounds.seconds($0.duration)))"] } ?? []) + keys
            let functions = Dictionary(grouping: aggregations, by: \.function.name).map { "\($0.key) ×\($0.value.count)" }.sorted()
            return line("aggregate by \(by.joined(separator: ", ")): \(functions.joined(separator: ", "))", [child])
        case .join(let left, let right, let specification):
            return line("join \(specification.type) on \(short(specification.condition.description))", [left, right])
        case .mapBatches(let child, let function): return line("mapBatches \(function.name)", [child])
        }
    }

    static func columns(_ names: [String]) -> String {
        let shown = names.prefix(6).joined(separator: ", ")
        return names.count > 6 ? "[\(shown), … \(names.count) columns]" : "[\(shown)]"
    }

    static func short(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(157)) + "…" : text
    }
}
