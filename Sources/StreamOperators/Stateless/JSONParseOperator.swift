public import Columnar
public import JSONIngest

/// Spark's `explode(from_json(value, array<struct<…>>))` + `select("r.*")`, fused: each
/// message in the `value` column becomes one row per JSON record, decoded straight into
/// columns of the record schema.
///
/// Malformed messages produce no rows (as in Spark) and are kept with their position: the
/// file and line when the input has `_source_file`/`_source_line` columns, the topic,
/// partition and offset when it has Kafka's `topic`/`partition`/`offset`, else the row index.
public final class JSONParseOperator: QuarantiningOperator {
    public let child: any PhysicalOperator
    public let outputSchema: Schema
    public var name: String { "parseJSON" }
    public var children: [any PhysicalOperator] { [child] }
    public var eventTimeBounds: EventTimeBounds { EventTimeBounds() }

    private let valueIndex: Int
    private let position: PositionColumns
    /// The scan at the bottom of the input, when the input comes straight from a source.
    private let sourceScan: SourceScanOperator?
    private var decoder: JSONRecordDecoder
    private var pending: [QuarantinedMessage] = []
    /// Records decoded by the last batch.
    public private(set) var lastOutputRows = 0
    /// Message bytes read by the last batch.
    public private(set) var lastInputBytes = 0

    public init(child: any PhysicalOperator, column: String, recordSchema: Schema, resolution: NameResolution) throws(OperatorError) {
        let schema = child.outputSchema
        do {
            valueIndex = try schema.requireIndex(of: column, resolution: resolution)
        } catch {
            throw .columnar(error, operator: "from_json")
        }
        guard schema.fields[valueIndex].type == .string else {
            throw .invalidInput(operator: "from_json", detail: "column '\(column)' is \(schema.fields[valueIndex].type), not a string")
        }
        self.child = child
        outputSchema = recordSchema
        position = PositionColumns(schema)
        sourceScan = child.allOperators.last as? SourceScanOperator
        // Every malformed message of a batch is kept until the query drains it after the batch
        // (to count it and write it to the quarantine directory); the query itself keeps only
        // the latest few for the rest of its life (StreamingQueryConfiguration.quarantineRetained).
        decoder = JSONRecordDecoder(schema: recordSchema, source: child.allOperators.last?.name ?? "stream",
                                    quarantineLimit: Int.max)
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        let values = input.columns[valueIndex]
        let strings = values.strings
        let firstRow = firstSourceRow(context)
        strings.bytes.withUnsafeBufferPointer { all in
            for row in 0..<input.rowCount where !values.isNull(row) {
                let message = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[strings.range(row)]))
                // The position is built only if the message is quarantined.
                _ = decoder.decode(message: message, position: position.position(in: input, row: row, firstRow: firstRow))
            }
        }
        pending += decoder.quarantine.removeAll()
        lastInputBytes = strings.bytes.count
        // Size the next batch's buffers like this one's, so they rarely grow while parsing.
        decoder.capacity = max(1024, decoder.rowCount)
        let output = decoder.finish()
        lastOutputRows = output.rowCount
        return output
    }

    /// The index in the source's batch of this partition's first row, for positions of sources
    /// that give none of their own (a memory source's message index).
    private func firstSourceRow(_ context: BatchContext) -> Int {
        sourceScan.map { context.firstSourceRow($0.sourceIndex) } ?? 0
    }

    public func drainQuarantine() -> [QuarantinedMessage] {
        defer { pending = [] }
        return pending
    }
}

/// Where a message's position comes from in the input columns.
private struct PositionColumns {
    enum Kind { case file(Int, Int), kafka(Int, Int, Int), rowIndex }
    let kind: Kind

    init(_ schema: Schema) {
        let find = { (name: String) in schema.fields.firstIndex { $0.name == name } }
        if let file = find("_source_file"), let line = find("_source_line") {
            kind = .file(file, line)
        } else if let topic = find("topic"), let partition = find("partition"), let offset = find("offset") {
            kind = .kafka(topic, partition, offset)
        } else {
            kind = .rowIndex
        }
    }

    func position(in batch: RecordBatch, row: Int, firstRow: Int) -> SourcePosition {
        switch kind {
        case .file(let file, let line):
            return .file(path: batch.columns[file].strings.string(row), line: Int(batch.columns[line].int64Values[row]))
        case .kafka(let topic, let partition, let offset):
            return .topic(name: batch.columns[topic].strings.string(row),
                          partition: batch.columns[partition].int32Values[row], offset: batch.columns[offset].int64Values[row])
        case .rowIndex:
            return .memory(index: firstRow + row)
        }
    }
}
