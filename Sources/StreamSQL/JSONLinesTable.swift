public import Columnar
import Connectors
import JSONIngest

/// A JSON-lines file, or a directory of them, read as `spark.read.json` reads it: one
/// document per line, the schema inferred over all documents (fields sorted by name).
public enum JSONLinesTable {
    public static func read(_ path: String) throws(SQLError) -> RecordBatch {
        var bytes: [UInt8] = []
        do {
            if FileSystem.isDirectory(path) {
                for name in try FileSystem.listDataFiles(path) {
                    bytes += try FileSystem.readAll(path + "/" + name)
                    if bytes.last != 0x0A { bytes.append(0x0A) }
                }
            } else {
                bytes = try FileSystem.readAll(path)
            }
        } catch {
            throw SQLError(.execution, "cannot read JSON lines at \(path): \(error)")
        }
        let (batch, quarantine) = JSONDocumentReader.read(bytes, source: path)
        if let bad = quarantine.first {
            throw SQLError(.execution, "\(path): a line is not a JSON object (\(bad.error)); Spark would put it in _corrupt_record")
        }
        return batch
    }
}
