internal import CRdKafka

extension RdKafkaClient {
    /// Enqueues one message with `rd_kafka_produceva` (librdkafka copies every byte).
    ///
    /// `id` travels as the message's opaque pointer and comes back in its delivery report.
    /// Returns librdkafka's error code: `NO_ERROR`, or why the local queue refused the message.
    func produce(_ record: KafkaProducerRecord, id: UInt64) -> KafkaError.Code {
        // Header names must stay valid C strings for the call: copy them once, free after.
        let names = record.headers.map { header in
            let bytes = header.name.utf8CString
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            _ = UnsafeMutableBufferPointer(start: copy, count: bytes.count).initialize(from: bytes)
            return copy
        }
        defer { names.forEach { $0.deallocate() } }
        return record.topic.withCString { topic in
            withOptionalBytes(record.key) { key in
                withOptionalBytes(record.value) { value in
                    var fields: [rd_kafka_vu_t] = []
                    fields.reserveCapacity(7 + record.headers.count)
                    var field = rd_kafka_vu_t()
                    field.vtype = RD_KAFKA_VTYPE_TOPIC
                    field.u.cstr = topic
                    fields.append(field)
                    field = rd_kafka_vu_t()
                    field.vtype = RD_KAFKA_VTYPE_PARTITION
                    field.u.i32 = record.partition ?? -1  // RD_KAFKA_PARTITION_UA
                    fields.append(field)
                    field = rd_kafka_vu_t()
                    field.vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    field.u.i = 0x2  // RD_KAFKA_MSG_F_COPY
                    fields.append(field)
                    field = rd_kafka_vu_t()
                    field.vtype = RD_KAFKA_VTYPE_OPAQUE
                    field.u.ptr = UnsafeMutableRawPointer(bitPattern: UInt(id))
                    fields.append(field)
                    if let key {
                        field = rd_kafka_vu_t()
                        field.vtype = RD_KAFKA_VTYPE_KEY
                        field.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                        field.u.mem.size = key.count
                        fields.append(field)
                    }
                    if let value {
                        field = rd_kafka_vu_t()
                        field.vtype = RD_KAFKA_VTYPE_VALUE
                        field.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        field.u.mem.size = value.count
                        fields.append(field)
                    }
                    if let timestamp = record.timestamp {
                        field = rd_kafka_vu_t()
                        field.vtype = RD_KAFKA_VTYPE_TIMESTAMP
                        field.u.i64 = timestamp
                        fields.append(field)
                    }
                    return withHeaders(record.headers, names: names, into: fields)
                }
            }
        }
    }

    private func withHeaders(
        _ headers: [KafkaHeader], names: [UnsafeMutablePointer<CChar>], into fields: [rd_kafka_vu_t]
    ) -> KafkaError.Code {
        var fields = fields
        var remaining = headers.makeIterator()
        var index = 0
        // Header values are pinned one closure level per header; recursion keeps them all alive.
        func addNext() -> KafkaError.Code {
            guard let header = remaining.next() else {
                let error = fields.withUnsafeBufferPointer { rd_kafka_produceva(handle, $0.baseAddress, $0.count) }
                guard let error else { return KafkaError.Code(rawValue: 0) }
                defer { rd_kafka_error_destroy(error) }
                return KafkaError.Code(rd_kafka_error_code(error))
            }
            let name = names[index]
            index += 1
            return withOptionalBytes(header.value) { value in
                var field = rd_kafka_vu_t()
                field.vtype = RD_KAFKA_VTYPE_HEADER
                field.u.header.name = UnsafePointer(name)
                field.u.header.val = value.flatMap { UnsafeRawPointer($0.baseAddress) }
                field.u.header.size = value?.count ?? 0
                fields.append(field)
                return addNext()
            }
        }
        return addNext()
    }
}

/// Calls `body` with the bytes' buffer, or `nil` for `nil`; an empty array gets a non-null empty buffer.
private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    if bytes.isEmpty {
        return withUnsafeTemporaryAllocation(byteCount: 1, alignment: 1) { body(UnsafeRawBufferPointer($0).prefix(0).rebased) }
    }
    return bytes.withUnsafeBytes { body($0) }
}

extension Slice where Base == UnsafeRawBufferPointer {
    fileprivate var rebased: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: self) }
}
