public import Columnar
public import JSONIngest

/// Spark's `explode(from_json(value, array<struct<…>>))` + `select("r.*")`, fused: each
/// message in the `value` column becomes one row per JSON record, decoded straight into
/// columns of the record schema.
///
/// Malformed messages produce no rows (as in Spark) and are kept with their position: the
/// file and line when the input has `_source_file`/`_source_line` columns, the topic,
/// partition and offset when it has Kafka's `topic`/`partition`/`offset`, else the row index.
///
/// With a ``positionColumn`` (lineage, opt-in) every record also gets that position as a string
/// column after the record's fields: ``SourcePosition/description`` then `#k`, the record's
/// 1-based index in its message (`/data/customer/part-00000.jsonl:3#12`, `customers-0@41#1`).
/// Without one nothing is computed per record, as before.
public final class JSONParseOperator: QuarantiningOperator {
    public let child: any PhysicalOperator
    public let outputSchema: Schema
    public var name: String { "parseJSON" }
    public var children: [any PhysicalOperator] { [child] }
    public var eventTimeBounds: EventTimeBounds { EventTimeBounds() }

    private let valueIndex: Int
    private let position: MessagePositionColumns
    /// The name of the per-record position column, nil when positions are not kept.
    public let positionColumn: String?
    /// The scan at the bottom of the input, when the input comes straight from a source.
    private let sourceScan: SourceScanOperator?
    private var decoder: JSONRecordDecoder
    private var pending: [QuarantinedMessage] = []
    /// Records decoded by the last batch.
    public private(set) var lastOutputRows = 0
    /// Message bytes read by the last batch.
    public private(set) var lastInputBytes = 0

    /// - Parameter positionColumn: when set, each record's source position is appended as a
    ///   string column of this name (it must not be a field of `recordSchema`).
    public init(
        child: any PhysicalOperator, column: String, recordSchema: Schema, resolution: NameResolution,
        positionColumn: String? = nil
    ) throws(OperatorError) {
        let schema = child.outputSchema
        do {
            valueIndex = try schema.requireIndex(of: column, resolution: resolution)
        } catch {
            throw .columnar(error, operator: "from_json")
        }
        guard schema.fields[valueIndex].type == .string else {
            throw .invalidInput(operator: "from_json", detail: "column '\(column)' is \(schema.fields[valueIndex].type), not a string")
        }
        if let positionColumn, recordSchema.fields.contains(where: { $0.name == positionColumn }) {
            throw .invalidInput(operator: "from_json", detail: "the position column '\(positionColumn)' is also a field of the record schema")
        }
        self.child = child
        self.positionColumn = positionColumn
        outputSchema = positionColumn.map { Schema(recordSchema.fields + [Field($0, .string, nullable: false)]) } ?? recordSchema
        position = MessagePositionColumns(schema)
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
        let keepsPositions = positionColumn != nil
        var positions = RecordPositions(capacity: keepsPositions ? decoder.capacity : 0)
        strings.bytes.withUnsafeBufferPointer { all in
            for row in 0..<input.rowCount where !values.isNull(row) {
                let message = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[strings.range(row)]))
                // The position is built only if the message is quarantined.
                let outcome = decoder.decode(message: message, position: position.position(in: input, row: row, firstRow: firstRow))
                if keepsPositions, case .decoded(let records) = outcome, records > 0 {
                    position.writeLabel(of: input, row: row, firstRow: firstRow, into: &positions.label)
                    positions.appendRecords(records)
                }
            }
        }
        pending += decoder.quarantine.removeAll()
        lastInputBytes = strings.bytes.count
        // Size the next batch's buffers like this one's, so they rarely grow while parsing.
        decoder.capacity = max(1024, decoder.rowCount)
        var output = decoder.finish()
        if keepsPositions {
            output = RecordBatch(trusted: outputSchema, columns: output.columns + [positions.column()], rowCount: output.rowCount)
        }
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
