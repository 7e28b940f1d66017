import Columnar
import Connectors

extension CheckpointInspection {
    /// The inspection as text for a terminal: per query, its plan as a tree, a table of batches
    /// (watermark in force, commit, next watermark, source offsets) and the state sizes of the
    /// newest snapshot per operator and partition.
    public var textLines: [String] {
        var lines: [String] = []
        if let pipeline {
            lines.append("pipeline checkpoint \(path) (`s360 \(pipeline)`), \(queries.count) quer\(queries.count == 1 ? "y" : "ies"): "
                         + queries.map(\.name).joined(separator: ", "))
            lines.append("")
        }
        for (i, query) in queries.enumerated() {
            if i > 0 { lines.append("") }
            lines += query.textLines
        }
        return lines
    }

    /// The inspection as one JSON document (`--format json`).
    public var json: JSONValue {
        .object([
            ("path", .string(path)),
            ("pipeline", pipeline.map(JSONValue.string) ?? .null),
            ("queries", .array(queries.map(\.json))),
        ])
    }
}

extension QueryCheckpoint {
    /// This query's part of ``CheckpointInspection/textLines``.
    public var textLines: [String] {
        var lines = ["query \(name) (\(path))"]
        if let metadata {
            lines.append("  id \(metadata.id), plan fingerprint \(metadata.planFingerprint)")
        } else {
            lines.append("  no metadata file: the query never opened this checkpoint completely")
        }
        let partitions = partitionCount.map { "\($0) partition\($0 == 1 ? "" : "s")" } ?? "1 partition (checkpoint from before partitions)"
        let mode = batches.last { $0.offsets != nil }?.offsets?.metadata.conf["stream360.outputMode"]
        lines.append("  \(sourceCount.map { "\($0) source\($0 == 1 ? "" : "s")" } ?? "sources unknown"), \(partitions)"
                     + (mode.map { ", output mode \($0)" } ?? ""))
        let committed = lastCommitted.map { "last committed batch \($0)" } ?? "no batch committed"
        let pending = pendingBatch.map { "; batch \($0) is planned but not committed: a restart re-runs it with its recorded offsets" } ?? ""
        lines.append("  \(batches.count) batch\(batches.count == 1 ? "" : "es") kept (\(Self.range(batches.map(\.id)))), \(committed)\(pending)")
        if let plan {
            lines.append("  plan (\(plan.sourceCount.map(String.init) ?? "?") sources, \(plan.outputMode ?? "?") mode), sink side first:")
            lines += plan.treeLines(indent: "    ")
        } else if let metadata {
            lines.append("  plan: \(metadata.plan)")
        }
        if !batches.isEmpty {
            lines.append("  batches:")
            lines.append("    " + ["batch", "watermark in force", "committed", "next watermark", "offsets"].joined(separator: " | "))
            for batch in batches {
                let watermark = batch.offsets.map { UTCTime.text(milliseconds: $0.metadata.batchWatermarkMs) } ?? "(purged)"
                let next = batch.commit.map { UTCTime.text(milliseconds: $0.nextBatchWatermarkMs) } ?? "-"
                let offsets = batch.offsets.map { $0.offsets.map { $0?.json ?? "-" }.joined(separator: " ") } ?? "(purged)"
                lines.append("    " + ["\(batch.id)", watermark, batch.isCommitted ? "yes" : "NO", next, offsets].joined(separator: " | "))
            }
        }
        let latest = latestState
        if latest.isEmpty {
            lines.append("  state: none (a stateless plan, or no batch saved yet)")
        } else {
            lines.append("  state (newest snapshot per operator and partition):")
            let operators = Dictionary(grouping: latest, by: \.operatorIndex)
            let recorded = plan?.statefulOperators ?? []
            for index in operators.keys.sorted() {
                let files = operators[index] ?? []
                let kind = files.first?.kind ?? recorded.first { $0.index == index }?.operator.name ?? "?"
                let total = files.reduce(Int64(0)) { $0 + $1.bytes }
                let parts = files.map { "\($0.partition.map { "p\($0)" } ?? "all") \(Self.size($0.bytes)) (batch \($0.batchId))" }
                lines.append("    state/\(index) \(kind): \(Self.size(total)) in \(files.count) partition\(files.count == 1 ? "" : "s"): "
                             + parts.joined(separator: ", "))
            }
        }
        if let saved = batches.last(where: { $0.watermarks != nil }), let watermarks = saved.watermarks {
            let operators = watermarks.operatorWatermarks.map { $0.map { UTCTime.text(milliseconds: $0 / 1000) } ?? "none yet" }
            lines.append("  watermark after batch \(saved.id): \(UTCTime.text(milliseconds: watermarks.watermark / 1000))"
                         + (operators.isEmpty ? "" : " (per watermark operator: \(operators.joined(separator: ", ")))"))
        }
        return lines
    }

    /// This query's part of ``CheckpointInspection/json``.
    public var json: JSONValue {
        let batchValues: [JSONValue] = batches.map { batch in
            var members: [(String, JSONValue)] = [("batchId", .int(batch.id)), ("committed", .bool(batch.isCommitted))]
            if let offsets = batch.offsets {
                members.append(("batchWatermarkMs", .int(offsets.metadata.batchWatermarkMs)))
                members.append(("batchTimestampMs", .int(offsets.metadata.batchTimestampMs)))
                let conf = offsets.metadata.conf.keys.sorted().map { ($0, JSONValue.string(offsets.metadata.conf[$0] ?? "")) }
                members.append(("conf", .object(conf)))
                members.append(("offsets", .array(offsets.offsets.map { offset in
                    offset.map { JSONValue.parse(Substring($0.json)) ?? .string($0.json) } ?? .null
                })))
            }
            if let commit = batch.commit { members.append(("nextBatchWatermarkMs", .int(commit.nextBatchWatermarkMs))) }
            if let watermarks = batch.watermarks {
                members.append(("watermarkAfterBatchMicros", .int(watermarks.watermark)))
                members.append(("operatorWatermarksMicros", .array(watermarks.operatorWatermarks.map { $0.map(JSONValue.int) ?? .null })))
            }
            return .object(members)
        }
        let stateValues: [JSONValue] = stateFiles.map { file in
            .object([
                ("operator", .int(Int64(file.operatorIndex))), ("kind", file.kind.map(JSONValue.string) ?? .null),
                ("partition", file.partition.map { .int(Int64($0)) } ?? .null), ("batchId", .int(file.batchId)), ("bytes", .int(file.bytes)),
            ])
        }
        return .object([
            ("name", .string(name)), ("path", .string(path)),
            ("id", metadata.map { .string($0.id) } ?? .null),
            ("planFingerprint", metadata.map { .string($0.planFingerprint) } ?? .null),
            ("plan", metadata.map { .string($0.plan) } ?? .null),
            ("sources", sourceCount.map { .int(Int64($0)) } ?? .null),
            ("partitions", partitionCount.map { .int(Int64($0)) } ?? .null),
            ("lastCommittedBatch", lastCommitted.map(JSONValue.int) ?? .null),
            ("pendingBatch", pendingBatch.map(JSONValue.int) ?? .null),
            ("batches", .array(batchValues)),
            ("state", .array(stateValues)),
        ])
    }

    /// `0…9` for consecutive ids, `none` for none, else the list.
    static func range(_ ids: [Int64]) -> String {
        guard let first = ids.first, let last = ids.last else { return "none" }
        if ids.count == 1 { return "batch \(first)" }
        return last - first + 1 == Int64(ids.count) ? "\(first)…\(last)" : ids.map(String.init).joined(separator: ", ")
    }

    /// Bytes in the largest unit that keeps a whole number above 1 (`812 B`, `12.3 KiB`).
    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" { return "\((value * 10).rounded() / 10) \(unit)" }
            value /= 1024
        }
        return "\(bytes) B"
    }
}

/// Milliseconds since the epoch as UTC text (`2024-01-01T00:00:25Z`), as progress reports write
/// timestamps (``Columnar/TimestampFormat``); 0 is a watermark not set yet.
enum UTCTime {
    static func text(milliseconds: Int64) -> String {
        milliseconds == 0 ? "0 (none yet)" : TimestampFormat.iso8601(micros: milliseconds * 1000)
    }
}

