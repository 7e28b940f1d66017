public import Columnar

/// Writes ``RecordBatch``es to one Parquet file, streaming row group by row group.
///
/// Batches are cut into slices; each slice's columns are encoded into pages held in memory,
/// and once the row group's encoded size reaches ``ParquetWriterOptions/rowGroupSizeBytes``
/// its column chunks are written to the file and the memory reused. ``close()`` writes the
/// footer: the schema, every row group's chunk metadata with min/max/null-count statistics,
/// and key-value metadata holding the Stream360 schema as Spark's JSON schema. A writer that
/// is never closed leaves a file without a footer, which readers reject (commit protocols
/// write under a temporary name and rename after `close`).
///
/// ```swift
/// let writer = try ParquetWriter(path: "out/part-0.parquet", schema: batch.schema)
/// try writer.write(batch)
/// try writer.close()
/// ```
///
/// Supported column types: `boolean`, `int`, `long`, `double`, `string`, `timestamp` (see
/// FORMAT.md for the exact layout).
public final class ParquetWriter {
    /// The schema every written batch must have.
    public let schema: Schema
    public let options: ParquetWriterOptions
    /// The file path (or the description given for a descriptor), used in errors.
    public let path: String
    /// Rows written so far.
    public private(set) var rowCount = 0

    private var output: FileOutput
    private var columns: [ColumnChunkWriter]
    private var rowGroups: [RowGroup] = []
    private var rowsInGroup = 0
    private var closed = false
    /// Rows encoded between two checks of the row-group size.
    private let sliceRows = 8192

    /// Creates (or truncates) the file at `path`.
    /// - Throws: ``ParquetError/unsupported(path:column:feature:)`` for nested columns,
    ///   ``ParquetError/invalidOption(name:detail:)`` and ``ParquetError/io(path:operation:errno:)``.
    public convenience init(path: String, schema: Schema, options: ParquetWriterOptions = ParquetWriterOptions()) throws(ParquetError) {
        try Self.validate(schema, options, path: path)
        try self.init(output: FileOutput(creating: path), schema: schema, options: options)
    }

    /// Writes to a descriptor the caller opened (and closes, after ``close()``); file offsets
    /// start at the descriptor's current position.
    public convenience init(
        fileDescriptor: Int32, path: String = "<descriptor>", schema: Schema,
        options: ParquetWriterOptions = ParquetWriterOptions()
    ) throws(ParquetError) {
        try Self.validate(schema, options, path: path)
        try self.init(output: FileOutput(descriptor: fileDescriptor, path: path), schema: schema, options: options)
    }

    private init(output: FileOutput, schema: Schema, options: ParquetWriterOptions) throws(ParquetError) {
        self.schema = schema
        self.options = options
        self.path = output.path
        self.output = output
        var columns: [ColumnChunkWriter] = []
        for field in schema.fields {
            let layout = try WriterColumnLayout(field, path: output.path)
            columns.append(ColumnChunkWriter(layout: layout, options: options, path: output.path))
        }
        self.columns = columns
        try self.output.write(Array("PAR1".utf8))
    }

    private static func validate(_ schema: Schema, _ options: ParquetWriterOptions, path: String) throws(ParquetError) {
        try options.validate()
        for field in schema.fields { _ = try WriterColumnLayout(field, path: path) }
    }

    deinit {
        if !closed { try? output.close() }
    }

    /// Appends the rows of `batch`, whose schema must match the writer's (names and types).
    /// - Throws: ``ParquetError/schemaMismatch(path:expected:actual:)``,
    ///   ``ParquetError/nullInRequiredColumn(path:column:)``, I/O and compression errors.
    public func write(_ batch: RecordBatch) throws(ParquetError) {
        guard !closed else { throw .writerClosed(path: path) }
        let matches = batch.schema.count == schema.count
            && zip(batch.schema.fields, schema.fields).allSatisfy { $0.name == $1.name && $0.type == $1.type }
        guard matches else {
            throw .schemaMismatch(path: path, expected: schema.description, actual: batch.schema.description)
        }
        var start = 0
        while start < batch.rowCount {
            let end = min(start + sliceRows, batch.rowCount)
            for i in columns.indices { try columns[i].append(batch.columns[i], range: start..<end) }
            rowsInGroup += end - start
            rowCount += end - start
            start = end
            if columns.reduce(0, { $0 + $1.estimatedSize }) >= options.rowGroupSizeBytes {
                try flushRowGroup()
            }
        }
    }

    /// Writes the open row group's column chunks to the file.
    private func flushRowGroup() throws(ParquetError) {
        guard rowsInGroup > 0 else { return }
        let start = output.offset
        var chunks: [ColumnChunk] = []
        for i in columns.indices { chunks.append(try columns[i].flush(to: &output)) }
        let uncompressed = chunks.reduce(Int64(0)) { $0 + ($1.metaData?.totalUncompressedSize ?? 0) }
        rowGroups.append(RowGroup(
            columns: chunks, totalByteSize: uncompressed, numRows: Int64(rowsInGroup),
            fileOffset: start, totalCompressedSize: output.offset - start,
            ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        rowsInGroup = 0
    }

    /// Flushes the last row group, writes the footer and closes the file.
    public func close() throws(ParquetError) {
        guard !closed else { throw .writerClosed(path: path) }
        closed = true
        do {
            try flushRowGroup()
            var elements = [SchemaElement(name: "schema", numChildren: Int32(columns.count))]
            elements += columns.map(\.layout.schemaElement)
            var keyValues = [KeyValue(key: SparkSchemaJSON.key, value: SparkSchemaJSON.encode(schema))]
            keyValues += options.keyValueMetadata.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: $0.value) }
            let metadata = FileMetaData(
                version: 1, schema: elements, numRows: Int64(rowCount), rowGroups: rowGroups,
                keyValueMetadata: keyValues, createdBy: "Stream360 version 0.1",
                typeDefinedColumnOrders: columns.count)
            var writer = ThriftCompactWriter()
            writer.nested { metadata.write(&$0) }
            var tail = writer.bytes
            tail.appendLittleEndian(UInt32(writer.bytes.count))
            tail.append(contentsOf: Array("PAR1".utf8))
            try output.write(tail)
        } catch {
            try? output.close()
            throw error
        }
        try output.close()
    }
}
