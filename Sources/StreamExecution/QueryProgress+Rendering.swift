import Columnar
import Connectors
import StreamOperators

extension QueryProgress {
    /// One line for a terminal: batch, rows, rate, watermark, state and quarantine counts.
    public var summary: String {
        let state = stateOperators.map { "\($0.operatorName)=\($0.numRowsTotal) rows" }.joined(separator: ", ")
        let dropped = stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark }
        var line = "[\(name)] batch \(batchId): \(numInputRows) input rows -> \(numOutputRows) output rows"
        line += " in \(Self.fixed(durationMs["triggerExecution"] ?? 0)) ms"
        line += ", watermark \(TimestampFormat.iso8601(micros: watermark))"
        if !state.isEmpty { line += ", state: \(state)" }
        if dropped > 0 { line += ", late rows dropped: \(dropped)" }
        if numQuarantinedMessages > 0 { line += ", quarantined messages: \(numQuarantinedMessages)" }
        if numSinkRetries > 0 { line += ", sink retries: \(numSinkRetries)" }
        if numSuspectEventTimeRows > 0 { line += ", rows with suspect event times: \(numSuspectEventTimeRows)" }
        return line
    }

    /// The progress as a JSON object shaped like Spark's `lastProgress`.
    public var json: String {
        var fields: [String] = []
        fields.append("\"name\":\(Self.quote(name))")
        fields.append("\"batchId\":\(batchId)")
        fields.append("\"numInputRows\":\(numInputRows)")
        fields.append("\"inputRowsPerSecond\":\(Self.fixed(inputRowsPerSecond))")
        fields.append("\"processedRowsPerSecond\":\(Self.fixed(processedRowsPerSecond))")
        let durations = durationMs.keys.sorted().map { "\(Self.quote($0)):\(Self.fixed(durationMs[$0] ?? 0))" }
        fields.append("\"durationMs\":{\(durations.joined(separator: ","))}")
        var eventTime = ["\"watermark\":\(Self.quote(TimestampFormat.iso8601(micros: watermark)))"]
        if let eventTimeMin { eventTime.append("\"min\":\(Self.quote(TimestampFormat.iso8601(micros: eventTimeMin)))") }
        if let eventTimeMax { eventTime.append("\"max\":\(Self.quote(TimestampFormat.iso8601(micros: eventTimeMax)))") }
        fields.append("\"eventTime\":{\(eventTime.joined(separator: ","))}")
        let states = stateOperators.map { s in
            "{\"operatorName\":\(Self.quote(s.operatorName)),\"numRowsTotal\":\(s.numRowsTotal),\"numRowsUpdated\":\(s.numRowsUpdated),"
                + "\"numRowsRemoved\":\(s.numRowsRemoved),\"numRowsDroppedByWatermark\":\(s.numRowsDroppedByWatermark),"
                + "\"memoryUsedBytes\":\(s.memoryUsedBytes),\"numShufflePartitions\":\(s.numShufflePartitions)}"
        }
        fields.append("\"stateOperators\":[\(states.joined(separator: ","))]")
        let sourceItems = sources.map { s in
            "{\"description\":\(Self.quote(s.description)),\"startOffset\":\(s.startOffset ?? "null"),"
                + "\"endOffset\":\(s.endOffset ?? "null"),\"numInputRows\":\(s.numInputRows)}"
        }
        fields.append("\"sources\":[\(sourceItems.joined(separator: ","))]")
        fields.append("\"sink\":{\"description\":\(Self.quote(sinkDescription)),\"numOutputRows\":\(numOutputRows),\"numRetries\":\(numSinkRetries)}")
        fields.append("\"numQuarantinedMessages\":\(numQuarantinedMessages)")
        fields.append("\"numSuspectEventTimeRows\":\(numSuspectEventTimeRows)")
        fields.append("\"numLateRowsWritten\":\(numLateRowsWritten)")
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func fixed(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled.isFinite ? String(scaled) : "0"
    }

    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONLinesEncoder.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
