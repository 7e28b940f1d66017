/// What the top-up generator wrote so far, in the manifest's terms.
struct TopUpCounts {
    var customerMessages = 0
    var customerRecords = 0
    var topUpCustomers = 0
    var bureauMessages = 0
    var bureauRecords = 0
    var lateBureauMessages = 0
    var lateBureauRecords = 0
    var strayBureauRecords = 0
    var files = 0

    /// Customer and bureau records together.
    var records: Int { customerRecords + bureauRecords }

    /// Writes `records` as one bureau message with event time `ts`, and counts it.
    mutating func bureau(_ records: RecordList, ts: Int, to file: DataFile) {
        records.writeMessage(ts: ts, to: &file.buffer)
        bureauMessages += 1
        bureauRecords += records.count
    }

    /// Counts a message emitted after later ones (already counted by ``bureau(_:ts:to:)``).
    mutating func late(_ records: RecordList) {
        lateBureauMessages += 1
        lateBureauRecords += records.count
    }

    /// The manifest: the configuration and these counts.
    func manifest(configuration c: TopUpGeneratorConfiguration, lastTimestamp: Int) -> GenerationManifest {
        var manifest = GenerationManifest()
        manifest.set("generator", .string("s360 generate topup"))
        manifest.set("seed", .unsigned(c.seed))
        manifest["customers"] = c.customers
        // Only when moved (the demo), so the fixtures' manifests keep their keys.
        if c.firstCustomerID != 1 { manifest["first_id"] = c.firstCustomerID }
        manifest["batch_size"] = c.batchSize
        manifest["batches_per_file"] = c.batchesPerFile
        manifest["base_ts"] = c.baseTimestamp
        manifest["first_ts"] = c.baseTimestamp
        manifest["last_ts"] = lastTimestamp
        manifest["customer_messages"] = customerMessages
        manifest["customer_records"] = customerRecords
        manifest["topup_customers"] = topUpCustomers
        manifest["bureau_messages"] = bureauMessages
        manifest["bureau_records"] = bureauRecords
        manifest["late_bureau_messages"] = lateBureauMessages
        manifest["late_bureau_records"] = lateBureauRecords
        manifest["stray_bureau_records"] = strayBureauRecords
        manifest["files_per_stream"] = files
        return manifest
    }
}
