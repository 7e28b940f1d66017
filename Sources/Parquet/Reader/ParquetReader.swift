public import Columnar

/// Reads one Parquet file into ``RecordBatch``es, one per row group.
///
/// Opening a reader reads only the footer; each read then loads just the column chunks of
/// the projected columns (with `pread`), and skips row groups whose statistics rule out a
/// ``ParquetPredicate``. It reads what Stream360 writes and what Spark and pyarrow write:
/// PLAIN and dictionary encodings, data pages v1 and v2, snappy, gzip and zstd, INT96 and
/// INT64 timestamps, FLOAT, and nested groups (structs, lists, maps as lists of key/value
/// structs) at any depth. Top-level columns it cannot represent (DECIMAL) are left out of
/// ``schema`` and raise ``ParquetError/unsupported(path:column:feature:)`` when projected.
///
/// ```swift
/// let reader = try ParquetReader(path: "model/data/part-00000.parquet")
/// let batches = try reader.read(columns: ["treeID", "nodeData"])
/// ```
public struct ParquetReader: Sendable {
    public let path: String
    /// The readable top-level columns, in file order.
    public let schema: Schema
    /// Rows in the file.
    public let rowCount: Int
    /// The footer's key-value metadata (Spark's schema JSON among it, when Spark wrote the file).
    public let keyValueMetadata: [String: String]
    /// The writer's `created_by` string.
    public let createdBy: String?

    let metadata: FileMetaData
    private let shapes: [ColumnShape]
    private let unsupported: [String: String]

    /// Opens `path` and decodes its footer.
    /// - Throws: ``ParquetError/io(path:operation:errno:)``, ``ParquetError/notParquet(path:detail:)``
    ///   or ``ParquetError/corruptMetadata(path:detail:)``.
    public init(path: String) throws(ParquetError) {
        let input = try FileInput(path: path)
        let metadata = try input.readMetadata()
        let root: SchemaNode
        do {
            root = try SchemaNode.tree(metadata.schema)
        } catch {
            throw .corruptMetadata(path: path, detail: error.detail)
        }
        var fields: [Field] = []
        var shapes: [ColumnShape] = []
        var unsupported: [String: String] = [:]
        for child in root.children {
            do {
                let (field, shape) = try ShapeBuilder.field(child, parentDefinition: 0, parentRepetition: 0)
                fields.append(field)
                shapes.append(shape)
            } catch {
                unsupported[child.name] = error.feature
            }
        }
        let leafCount = root.leaves.count
        for group in metadata.rowGroups where group.columns.count != leafCount {
            throw .corruptMetadata(path: path, detail: "a row group has \(group.columns.count) column chunks for \(leafCount) leaf columns")
        }
        self.path = path
        self.metadata = metadata
        self.schema = Schema(fields)
        self.shapes = shapes
        self.unsupported = unsupported
        self.rowCount = Int(metadata.numRows)
        self.createdBy = metadata.createdBy
        var keyValues: [String: String] = [:]
        for kv in metadata.keyValueMetadata ?? [] { keyValues[kv.key] = kv.value ?? "" }
        self.keyValueMetadata = keyValues
    }

    /// The number of row groups in the file.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// The row groups whose statistics allow `predicate` to match (all of them for `nil`).
    public func rowGroups(matching predicate: ParquetPredicate?) throws(ParquetError) -> [Int] {
        guard let predicate else { return Array(metadata.rowGroups.indices) }
        var leaves: [String: LeafDescriptor] = [:]
        for column in predicate.columns {
            let index = try resolve(column)
            if case .leaf(let leaf, _) = shapes[index] { leaves[column] = leaf }
        }
        return metadata.rowGroups.indices.filter { group in
            predicate.mayMatch { column in
                guard let leaf = leaves[column], let chunk = metadata.rowGroups[group].columns[leaf.leafIndex].metaData else {
                    return nil
                }
                return ChunkBounds(chunk, leaf: leaf)
            }
        }
    }

    /// Reads the row groups that may match `predicate`, keeping only `columns` (all when `nil`).
    public func read(columns: [String]? = nil, where predicate: ParquetPredicate? = nil) throws(ParquetError) -> [RecordBatch] {
        let projection = try project(columns)
        let input = try FileInput(path: path)
        var batches: [RecordBatch] = []
        for group in try rowGroups(matching: predicate) {
            batches.append(try readRowGroup(group, projection: projection, input: input))
        }
        return batches
    }

    /// Reads row group `index`, keeping only `columns` (all when `nil`).
    public func readRowGroup(_ index: Int, columns: [String]? = nil) throws(ParquetError) -> RecordBatch {
        guard metadata.rowGroups.indices.contains(index) else {
            throw .corruptMetadata(path: path, detail: "no row group \(index); the file has \(metadata.rowGroups.count)")
        }
        return try readRowGroup(index, projection: try project(columns), input: FileInput(path: path))
    }

    /// The schema of a read projecting `columns` (the whole schema for `nil`).
    public func projectedSchema(_ columns: [String]?) throws(ParquetError) -> Schema {
        Schema(try project(columns).map { schema.fields[$0] })
    }

    /// The schema positions of `columns`, in the order asked.
    private func project(_ columns: [String]?) throws(ParquetError) -> [Int] {
        guard let columns else { return Array(schema.fields.indices) }
        var positions: [Int] = []
        for column in columns { positions.append(try resolve(column)) }
        return positions
    }

    private func resolve(_ column: String) throws(ParquetError) -> Int {
        if let feature = unsupported.first(where: { $0.key.lowercased() == column.lowercased() })?.value {
            throw .unsupported(path: path, column: column, feature: feature)
        }
        let found: Int?
        do {
            found = try schema.index(of: column)
        } catch {
            throw .unknownColumn(path: path, column: column, available: schema.names)
        }
        guard let found else { throw .unknownColumn(path: path, column: column, available: schema.names) }
        return found
    }

    private func readRowGroup(_ index: Int, projection: [Int], input: FileInput) throws(ParquetError) -> RecordBatch {
        let group = metadata.rowGroups[index]
        let rows = Int(group.numRows)
        var decoded: [DecodedLeaf] = []
        for position in projection {
            for leaf in shapes[position].leaves {
                let chunk = group.columns[leaf.leafIndex]
                guard let meta = chunk.metaData else {
                    throw .unsupported(path: path, column: leaf.name, feature: "column metadata stored outside the footer")
                }
                if let external = chunk.filePath, !external.isEmpty {
                    throw .unsupported(path: path, column: leaf.name, feature: "column chunks in another file (\(external))")
                }
                let bytes = try input.read(at: meta.chunkStart, count: Int(meta.totalCompressedSize))
                let decoder = try ColumnChunkDecoder(path: path, rowGroup: index, leaf: leaf, codec: meta.codec)
                decoded.append(try decoder.decode(bytes, valueCount: Int(meta.numValues)))
            }
        }
        var assembler = ColumnAssembler(leaves: decoded)
        var columns: [Column] = []
        for position in projection {
            do {
                columns.append(try assembler.column(shapes[position], type: schema.fields[position].type, rowCount: rows))
            } catch {
                if case .corruptPage(_, let column, _, _, let detail) = error {
                    throw .corruptPage(path: path, column: column, rowGroup: index, page: -1, detail: detail)
                }
                throw error
            }
        }
        return RecordBatch(trusted: Schema(projection.map { schema.fields[$0] }), columns: columns, rowCount: rows)
    }
}
