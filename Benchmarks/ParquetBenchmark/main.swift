import Columnar
import Parquet

let schema = Schema([Field("i", .int), Field("l", .long, nullable: false), Field("d", .double), Field("b", .boolean), Field("s", .string), Field("t", .timestamp)])
let batch = RecordBatch(trusted: schema, columns: [
    .ints([1, nil, 3]), .longs([10, 20, 30]), .doubles([1.5, nil, -2]), .booleans([true, false, nil]),
    .strings(["a", nil, "héllo"]), .timestamps([0, 1_700_000_000_000_000, nil]),
], rowCount: 3)
let w = try ParquetWriter(path: "/tmp/pq/a.parquet", schema: schema)
try w.write(batch)
try w.close()
