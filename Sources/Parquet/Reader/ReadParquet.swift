#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Columnar

/// Reads a Parquet file, or every data file of a directory (Spark's `read.parquet(path)`),
/// into one batch.
///
/// In a directory, files whose names start with `_` or `.` (`_SUCCESS`, `_spark_metadata`,
/// `.crc` files) and subdirectories are skipped, and the rest are read in name order; they
/// must share one schema. `columns` projects and `predicate` skips row groups (see
/// ``ParquetPredicate``: rows of kept row groups are not filtered).
///
/// ```swift
/// let model = try readParquet(path: "spark_pipeline_model/stages/09_GBTClassifier/data")
/// ```
public func readParquet(path: String, columns: [String]? = nil, where predicate: ParquetPredicate? = nil) throws(ParquetError) -> RecordBatch {
    let files = try parquetDataFiles(at: path)
    var batches: [RecordBatch] = []
    var schema: Schema?
    for file in files {
        let reader = try ParquetReader(path: file)
        let fileBatches = try reader.read(columns: columns, where: predicate)
        let fileSchema = try reader.projectedSchema(columns)
        if let schema, schema != fileSchema {
            throw .schemaMismatch(path: file, expected: schema.description, actual: fileSchema.description)
        }
        schema = fileSchema
        batches += fileBatches
    }
    let result = schema ?? Schema([])
    return RecordBatch.concatenate(batches, schema: result)
}

/// The data files `readParquet` reads for `path`: the file itself, or a directory's visible files.
public func parquetDataFiles(at path: String) throws(ParquetError) -> [String] {
    var info = stat()
    guard stat(path, &info) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
    guard info.st_mode & S_IFMT == S_IFDIR else { return [path] }
    guard let directory = opendir(path) else { throw .io(path: path, operation: "opendir", errno: errno) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard !name.hasPrefix("_"), !name.hasPrefix(".") else { continue }
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        var entryInfo = stat()
        guard stat(full, &entryInfo) == 0, entryInfo.st_mode & S_IFMT == S_IFREG else { continue }
        names.append(full)
    }
    guard !names.isEmpty else { throw .noDataFiles(path: path) }
    return names.sorted()
}
