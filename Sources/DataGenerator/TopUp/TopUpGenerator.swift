/// Writes the top-up pipeline's two input streams, the way a producer replays a loan book:
/// `customer/part-NNNNN.jsonl` and `bureau/part-NNNNN.jsonl`, each line one message (a JSON
/// array of records sharing the event time `ts`), and `manifest.json` with the counts.
///
/// Stream layout (the facts of `../shared/tools/gen_topup.py`, in a generator of its own):
/// - customers come in batches of ``TopUpGeneratorConfiguration/batchSize`` IDs, one customer
///   message per batch; their bureau records (1–30 per customer, about 5.5 on average) follow
///   in 2–5 bureau messages, `ts` advancing 0–2 s between messages and 1–3 s between batches,
///   so most bureau records share their customer's 30 s event-time window;
/// - about 12% of batches hold one bureau message back for 12–20 batches and then emit it with
///   its original `ts`: late data, beyond a 5 s watermark;
/// - about 3% of customers get 1–3 stray bureau records re-sent 2–6 batches later with that
///   batch's `ts`, which can no longer join their customer record;
/// - customer file *i* and bureau file *i* hold the same batches; file *i*'s modification time
///   is `baseTimestamp + i`, so a source ordering by modification time reads them in name order.
///
/// Memory is bounded by a batch and the messages held back (at most ~20 batches' worth), so
/// `--customers 1000000` streams to disk like `--customers 100`.
public struct TopUpGenerator {
    /// What to write.
    public var configuration: TopUpGeneratorConfiguration

    /// A generator for `configuration`.
    public init(configuration: TopUpGeneratorConfiguration) {
        self.configuration = configuration
    }

    /// Writes the data set and its manifest; `log` receives progress lines.
    @discardableResult
    public func run(log: @escaping (String) -> Void = { _ in }) throws(GeneratorError) -> GenerationManifest {
        try configuration.validate()
        let c = configuration
        let customerDirectory = c.outputDirectory + "/customer"
        let bureauDirectory = c.outputDirectory + "/bureau"
        for directory in [customerDirectory, bureauDirectory] {
            try OutputDirectory.create(directory)
            try OutputDirectory.removeDataFiles(in: directory)
        }
        var random = SeededRandom(seed: c.seed)
        var counts = TopUpCounts()
        var progress = GenerationProgress(label: "topup customers", total: c.customers, log: log)
        var files: (customer: DataFile, bureau: DataFile)?
        var fileIndex = -1
        var bytesWritten = 0
        var deferred: [Int: [(ts: Int, records: RecordList)]] = [:]
        var strays: [Int: RecordList] = [:]
        var t = c.baseTimestamp
        let batches = (c.customers + c.batchSize - 1) / c.batchSize

        for batch in 0..<batches {
            if batch / c.batchesPerFile != fileIndex {
                if let open = files {
                    bytesWritten += try Self.close(open, modificationTime: c.baseTimestamp + fileIndex)
                }
                fileIndex = batch / c.batchesPerFile
                let name = OutputDirectory.partName(fileIndex)
                files = (try DataFile(path: customerDirectory + "/" + name), try DataFile(path: bureauDirectory + "/" + name))
                counts.files += 1
            }
            guard let open = files else { preconditionFailure("the batch's files were opened above") }
            let (customerFile, bureauFile) = open

            let firstIndex = batch * c.batchSize
            var customerRecords = RecordList()
            var customers: [TopUpCustomer] = []
            for id in (c.firstCustomerID + firstIndex)...(c.firstCustomerID + min(c.customers, firstIndex + c.batchSize) - 1) {
                customers.append(TopUpCustomer(id: id, random: &random, records: &customerRecords))
            }
            customerRecords.writeMessage(ts: t, to: &customerFile.buffer)
            counts.customerMessages += 1
            counts.customerRecords += customers.count
            counts.topUpCustomers += customers.reduce(0) { $0 + ($1.tookTopUp ? 1 : 0) }

            let slotCount = random.int(in: 2..<6)
            var slots = Array(repeating: RecordList(), count: slotCount)
            for customer in customers {
                let n = Self.bureauRecordCount(&random)
                var cut = n
                var first = random.int(in: 0..<slotCount)
                var second = first
                if n > 1, random.chance(0.10) {  // split over two consecutive messages
                    cut = random.int(in: 1..<n)
                    first = random.int(in: 0..<slotCount)
                    second = min(slotCount - 1, first + 1)
                }
                for index in 0..<n {
                    TopUpBureauRecord.append(customer: customer, index: index, random: &random, to: &slots[index < cut ? first : second])
                }
                if random.chance(0.03) {
                    let later = batch + random.int(in: 2..<7)
                    for index in 0..<random.int(in: 1..<4) {
                        TopUpBureauRecord.append(customer: customer, index: 1 + index, random: &random, to: &strays[later, default: RecordList()])
                    }
                }
            }
            let lateSlot = slotCount > 1 && random.chance(0.12) ? random.int(in: 1..<slotCount) : -1
            for (slotIndex, slot) in slots.enumerated() {
                t += random.int(in: 0..<3)
                if slot.isEmpty { continue }
                if slotIndex == lateSlot {
                    deferred[batch + random.int(in: 12..<21), default: []].append((t, slot))
                    continue
                }
                counts.bureau(slot, ts: t, to: bureauFile)
            }
            if let stray = strays.removeValue(forKey: batch) {
                counts.bureau(stray, ts: t, to: bureauFile)
                counts.strayBureauRecords += stray.count
            }
            for late in deferred.removeValue(forKey: batch) ?? [] {
                counts.bureau(late.records, ts: late.ts, to: bureauFile)
                counts.late(late.records)
            }
            t += random.int(in: 1..<4)
            try customerFile.flushIfFull()
            try bureauFile.flushIfFull()
            progress.update(done: firstIndex + customers.count, records: counts.records)
        }
        // Whatever is scheduled past the last batch goes into the last file.
        guard let open = files else { preconditionFailure("at least one batch ran, so its files are open") }
        let (customerFile, bureauFile) = open
        for key in strays.keys.sorted() {
            guard let stray = strays[key] else { continue }
            counts.bureau(stray, ts: t, to: bureauFile)
            counts.strayBureauRecords += stray.count
        }
        for key in deferred.keys.sorted() {
            for late in deferred[key] ?? [] {
                counts.bureau(late.records, ts: late.ts, to: bureauFile)
                counts.late(late.records)
            }
        }
        bytesWritten += try Self.close((customerFile, bureauFile), modificationTime: c.baseTimestamp + fileIndex)

        let manifest = counts.manifest(configuration: c, lastTimestamp: t)
        try manifest.write(to: c.outputDirectory + "/manifest.json")
        progress.finish(records: counts.records, bytes: bytesWritten)
        return manifest
    }

    /// 1…30 bureau records, skewed to small counts (mean about 5.5).
    private static func bureauRecordCount(_ random: inout SeededRandom) -> Int {
        var n = 1
        while n < 30, random.chance(0.82) { n += 1 }
        return n
    }

    private static func close(_ files: (DataFile, DataFile), modificationTime: Int) throws(GeneratorError) -> Int {
        try files.0.close(modificationTime: modificationTime)
        try files.1.close(modificationTime: modificationTime)
        return files.0.byteCount + files.1.byteCount
    }
}
