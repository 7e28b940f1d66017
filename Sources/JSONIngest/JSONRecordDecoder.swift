public import Columnar

/// What became of one message.
public enum DecodeOutcome: Sendable, Hashable {
    /// The message was read; it produced `rows` records (0 for `[]` or a blank message).
    case decoded(rows: Int)
    /// The message was malformed: it produced no rows and went to the ``Quarantine``.
    case quarantined(JSONIngestError)
}

/// Decodes JSON messages straight into columns: Spark's
/// `explode(from_json(value, ArrayType(StructType(fields))))`, fused into one pass per message.
///
/// A message is a JSON array of records (one row per element) or a single record object
/// (one row). A `null` element of the array is a row whose every field is null, as Spark 4.3's
/// `from_json` keeps the null element and `explode` makes a row of it. Names match schema fields exactly (case-sensitive, as `from_json` does; the
/// case-insensitive resolution of later `select`s works on the resulting columns); missing
/// names give null, unknown names are skipped, a repeated name keeps its last value. Values
/// convert as Spark's `JacksonParser` converts them in PERMISSIVE mode (see `readValue` for
/// the rules per type): a value of the wrong kind is null, the record survives.
///
/// A malformed message (bad syntax, truncation, an array element that is not an object, a
/// top level that is neither array nor object) yields no rows at all, as `from_json` yields
/// null and `explode` nothing, and is recorded in ``quarantine`` with its position. Rows are
/// appended while parsing and rolled back on error, so the common case parses once.
///
/// Text after the first top-level value is ignored, as Spark's `from_json` ignores it
/// (`[{"ID":"1"}] trailing` and `[{"ID":"1"}][{"ID":"2"}]` give the one record ID 1).
///
/// Deliberate differences from Spark: invalid UTF-8 passes through unchanged (Spark substitutes
/// U+FFFD); bare `NaN`/`Infinity` tokens are syntax errors (Spark's default
/// `allowNonNumericNumbers` accepts them); a failed value inside a nested struct nulls that
/// value only (Spark nulls the whole nested struct).
///
/// ```swift
/// var decoder = JSONRecordDecoder(schema: Schema([Field("ID", .string), Field("ts", .timestamp)]), source: "bureau")
/// _ = decoder.decode(message: line, position: .file(path: "part-00000.jsonl", line: 1))
/// let batch = decoder.finish()
/// ```
public struct JSONRecordDecoder: Sendable {
    /// The record schema each message's elements are read against.
    public let schema: Schema
    /// The name of the stream, copied into quarantined messages.
    public let source: String
    /// Malformed messages seen so far; drain it with ``Quarantine/removeAll()``.
    public var quarantine: Quarantine
    /// Rows decoded since the last ``finish()``.
    public private(set) var rowCount = 0

    private let plan: RecordPlan
    private var builders: [ColumnBuilder]
    private var scratch: [UInt8] = []
    private var stamps: [UInt32]
    private var stamp: UInt32 = 0
    /// Rows each new batch reserves room for; raising it to a typical batch size avoids regrowth.
    public var capacity: Int
    /// How a non-string token (number, `true`, object, array…) read into a string field becomes
    /// text. False (the default) re-serializes it as Jackson does, which is what `from_json`
    /// stores: `23.50` becomes `"23.5"`, `1e2` becomes `"100.0"`. True keeps its exact source
    /// text (`"23.50"`, `"1e2"`), which is what Spark 4's `spark.read.json` stores for files
    /// (`spark.sql.json.enableExactStringParsing`, default true: it applies only when Jackson
    /// reads from a byte array, as file sources do, never through `from_json`'s Reader).
    public var exactStringParsing = false

    /// - Parameters:
    ///   - schema: the fields of one record (nested `structure` and `array` types allowed).
    ///   - source: a name for the stream, used in quarantine entries.
    ///   - quarantineLimit: how many malformed messages are kept (all are counted).
    ///   - capacity: rows to reserve room for in each batch.
    public init(schema: Schema, source: String = "", quarantineLimit: Int = 1000, capacity: Int = 1024) {
        self.schema = schema
        self.source = source
        self.quarantine = Quarantine(limit: quarantineLimit)
        self.capacity = capacity
        plan = RecordPlan(fields: schema.fields)
        builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: capacity) }
        stamps = Array(repeating: 0, count: plan.kinds.count)
    }

    /// Decodes one message, appending its records, or quarantines it.
    public mutating func decode(message: UnsafeRawBufferPointer, position: @autoclosure () -> SourcePosition) -> DecodeOutcome {
        decode(bytes: message.assumingMemoryBound(to: UInt8.self), position: position)
    }

    /// Decodes one message held in an array.
    public mutating func decode(message: [UInt8], position: @autoclosure () -> SourcePosition) -> DecodeOutcome {
        message.withUnsafeBufferPointer { decode(bytes: $0, position: position) }
    }

    private mutating func decode(bytes: UnsafeBufferPointer<UInt8>, position: () -> SourcePosition) -> DecodeOutcome {
        let nameBytes = plan.nameBytes
        let rowsBefore = rowCount
        var reader = MessageReader(
            scanner: JSONScanner(bytes), plan: plan, names: UnsafeBufferPointer(start: nil, count: 0), scratch: [], stamps: [], stamp: stamp)
        swap(&reader.scratch, &scratch)
        swap(&reader.stamps, &stamps)
        reader.exactStringParsing = exactStringParsing
        let result: Result<Int, JSONIngestError> = nameBytes.withUnsafeBufferPointer { names in
            reader.names = names
            do throws(JSONIngestError) {
                return .success(try reader.readMessage(into: &builders))
            } catch {
                return .failure(error)
            }
        }
        swap(&reader.scratch, &scratch)
        swap(&reader.stamps, &stamps)
        stamp = reader.stamp
        switch result {
        case .success(let rows):
            rowCount += rows
            return .decoded(rows: rows)
        case .failure(let error):
            for i in builders.indices { builders[i].truncate(to: rowsBefore) }
            quarantine.append(QuarantinedMessage(source: source, position: position(), error: error, message: bytes))
            return .quarantined(error)
        }
    }

    /// The rows decoded since the last call, as one batch; the decoder starts a new batch.
    public mutating func finish() -> RecordBatch {
        let columns = builders.indices.map { builders[$0].finish() }
        let batch = RecordBatch(trusted: schema, columns: columns, rowCount: rowCount)
        builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: capacity) }
        rowCount = 0
        return batch
    }
}
