/// One entry of file or column key-value metadata (thrift `KeyValue`).
struct KeyValue: Sendable, Equatable {
    var key: String
    var value: String?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> KeyValue {
        var kv = KeyValue(key: "", value: nil)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: kv.key = try r.readString()
            case 2: kv.value = try r.readString()
            default: try r.skip(type)
            }
        }
        return kv
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.string(1, key)
        if let value { w.string(2, value) }
    }
}
