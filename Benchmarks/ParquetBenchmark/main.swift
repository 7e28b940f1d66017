import Columnar
import Parquet
import Foundation

for path in CommandLine.arguments.dropFirst() {
    do {
        let batch = try readParquet(path: path)
        print(batch.schema)
        for r in 0..<min(batch.rowCount, 3) { print(batch.row(r)) }
        print("rows", batch.rowCount)
    } catch { print("ERROR", error) }
}
