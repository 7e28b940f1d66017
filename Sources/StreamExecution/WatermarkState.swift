import Checkpointing

/// The query's own state after a batch, saved beside the operators' as `state/query/N.snapshot`:
/// one JSON line, all values microseconds since the epoch,
/// `{"watermark":…,"lastBatchWatermark":…,"operatorWatermarks":[…|null]}`.
struct WatermarkState: Equatable {
    /// The watermark in force for the next batch.
    var watermark: Int64
    /// The watermark that was in force during the batch.
    var lastBatchWatermark: Int64
    /// Each watermark operator's own watermark (nil: it has seen no event time yet).
    var operatorWatermarks: [Int64?]

    init(watermark: Int64, lastBatchWatermark: Int64, operatorWatermarks: [Int64?]) {
        self.watermark = watermark
        self.lastBatchWatermark = lastBatchWatermark
        self.operatorWatermarks = operatorWatermarks
    }

    var bytes: [UInt8] {
        let json = JSONValue.object([
            ("watermark", .int(watermark)),
            ("lastBatchWatermark", .int(lastBatchWatermark)),
            ("operatorWatermarks", .array(operatorWatermarks.map { $0.map(JSONValue.int) ?? .null })),
        ])
        return Array((json.description + "\n").utf8)
    }

    init(bytes: [UInt8], path: String, batchId: Int64) throws(CheckpointError) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let json = JSONValue.parse(Substring(text.split(separator: "\n").first ?? "")),
              let watermark = json["watermark"]?.int64, let last = json["lastBatchWatermark"]?.int64,
              case .array(let items)? = json["operatorWatermarks"] else {
            throw .corruptState(path: path, batchId: batchId, detail: "expected {\"watermark\":…,\"lastBatchWatermark\":…,\"operatorWatermarks\":[…]}")
        }
        var operators: [Int64?] = []
        for item in items {
            if item == .null {
                operators.append(nil)
            } else if let value = item.int64 {
                operators.append(value)
            } else {
                throw .corruptState(path: path, batchId: batchId, detail: "operator watermark \(item) is not an integer")
            }
        }
        self.init(watermark: watermark, lastBatchWatermark: last, operatorWatermarks: operators)
    }
}
