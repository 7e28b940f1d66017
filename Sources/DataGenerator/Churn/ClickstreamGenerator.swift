/// Writes the churn pipeline's clickstream: `part-NNNNN.jsonl` files whose lines are messages,
/// either one event object or a JSON array of a session's burst of events, and
/// `_manifest.json` with the counts (the underscore keeps file sources from reading it).
///
/// Events: `user_id` (int), `datetime` (`yyyy-MM-dd HH:mm:ss`, from 2024-01-01 08:00:00 UTC,
/// 0–3 s apart), `os`, `browser`, `response_time_ms` (a string of digits; ~1% malformed: `""`,
/// `"n/a"`, `"1,203"`, `"250ms"`; ~1% null), `product` and `url`. About 1% of events lack
/// `browser` and 0.5% have a null `os`. About 4% come from anonymous visitors, whose ids have
/// no CRM document; users flagged ``ChurnUserProfile/hasNoEvents`` never appear. Slow users'
/// response times are 2.2× longer, one of the churn signals.
///
/// Messages go to ``ChurnGeneratorConfiguration/files`` files of about equal event counts;
/// file *i*'s modification time is 2024-01-01T00:00:00Z + *i* s.
public struct ClickstreamGenerator {
    /// What to write.
    public var configuration: ChurnGeneratorConfiguration

    /// A generator for `configuration`.
    public init(configuration: ChurnGeneratorConfiguration) {
        self.configuration = configuration
    }

    private static let keys = ["user_id", "datetime", "os", "browser", "response_time_ms", "product", "url"].map(JSONKey.init)
    private static let urlPrefix = Array("https://shop.example.com/p/".utf8)
    private static let firstTimestamp = 1_704_067_200 + 8 * 3600
    private static let fileTimestamp = 1_704_067_200

    /// Writes the clickstream and its manifest; `log` receives progress lines.
    @discardableResult
    public func run(log: @escaping (String) -> Void = { _ in }) throws(GeneratorError) -> GenerationManifest {
        try configuration.validate()
        let c = configuration
        try OutputDirectory.create(c.outputDirectory)
        try OutputDirectory.removeDataFiles(in: c.outputDirectory)
        let total = c.events
        let perFile = max(1, (total + c.files - 1) / c.files)
        // Anonymous ids lie above every CRM id.
        let anonymousBase = max(900_000, ChurnUserProfile.firstUserID + c.customers)
        var random = SeededRandom(seed: c.seed)
        var counts = ClickstreamCounts()
        var progress = GenerationProgress(label: "clickstream events", total: total, log: log)
        var file = try DataFile(path: c.outputDirectory + "/" + OutputDirectory.partName(0))
        var fileIndex = 0
        var bytesWritten = 0
        var t = Self.firstTimestamp
        var writer = JSONObjectWriter()

        while counts.events < total {
            if counts.events >= (fileIndex + 1) * perFile {
                try file.close(modificationTime: Self.fileTimestamp + fileIndex)
                bytesWritten += file.byteCount
                fileIndex += 1
                file = try DataFile(path: c.outputDirectory + "/" + OutputDirectory.partName(fileIndex))
            }
            let visitor = Self.visitor(&random, customers: c.customers, seed: c.seed, anonymousBase: anonymousBase)
            let burst = random.chance(0.6) ? 1 : random.int(in: 2..<6)
            let asArray = burst > 1 || !random.chance(0.7)
            writer.bytes.removeAll(keepingCapacity: true)
            if asArray { writer.bytes.append(UInt8(ascii: "[")) }
            for index in 0..<burst {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                t += random.int(in: 0..<4)
                Self.event(visitor, at: t, random: &random, writer: &writer, counts: &counts)
            }
            if asArray {
                writer.bytes.append(UInt8(ascii: "]"))
                counts.arrayMessages += 1
            }
            writer.bytes.append(UInt8(ascii: "\n"))
            counts.messages += 1
            if visitor.anonymous { counts.anonymousEvents += burst }
            file.buffer.append(contentsOf: writer.bytes)
            try file.flushIfFull()
            progress.update(done: counts.events, records: counts.events)
        }
        try file.close(modificationTime: Self.fileTimestamp + fileIndex)
        bytesWritten += file.byteCount

        let manifest = counts.manifest(configuration: c, files: fileIndex + 1, firstTimestamp: Self.firstTimestamp, lastTimestamp: t)
        try manifest.write(to: c.outputDirectory + "/_manifest.json")
        progress.finish(records: counts.events, bytes: bytesWritten)
        return manifest
    }

    /// Who visits: a known user with events (96%) or an anonymous visitor.
    private static func visitor(
        _ random: inout SeededRandom, customers: Int, seed: UInt64, anonymousBase: Int
    ) -> (id: Int, operatingSystem: String, browser: String, slow: Bool, anonymous: Bool) {
        if !random.chance(0.04) {
            // Users without events are skipped; give up after a few tries (tiny data sets only).
            for _ in 0..<64 {
                let profile = ChurnUserProfile(seed: seed, userID: ChurnUserProfile.firstUserID + random.int(in: 0..<customers))
                if !profile.hasNoEvents { return (profile.userID, profile.operatingSystem, profile.browser, profile.slow, false) }
            }
        }
        let id = anonymousBase + random.int(in: 0..<5000)
        return (id, ChurnCatalog.operatingSystems.draw(&random), ChurnCatalog.browsers.draw(&random), false, true)
    }

    /// Writes one event object.
    private static func event(
        _ visitor: (id: Int, operatingSystem: String, browser: String, slow: Bool, anonymous: Bool), at t: Int,
        random: inout SeededRandom, writer: inout JSONObjectWriter, counts: inout ClickstreamCounts
    ) {
        let k = keys
        let product = ChurnCatalog.products.draw(&random)
        let milliseconds = Int(random.logNormal(mu: 0, sigma: 0.35) * product.baseMilliseconds * (visitor.slow ? 2.2 : 1))
        let page = random.element(of: ChurnCatalog.pages)
        let shape = random.unit()
        writer.begin()
        writer.field(k[0], visitor.id)
        writer.stringField(k[1]) { Self.appendDateTime(t, to: &$0) }
        if shape >= 0.03, shape < 0.035 {
            writer.null(k[2])
        } else {
            writer.field(k[2], visitor.operatingSystem)
        }
        if !(shape >= 0.02 && shape < 0.03) { writer.field(k[3], visitor.browser) }
        if shape < 0.01 {
            counts.malformedResponseTimes += 1
            switch random.int(in: 0..<4) {
            case 0: writer.field(k[4], "")
            case 1: writer.field(k[4], "n/a")
            case 2: writer.stringField(k[4]) { bytes in  // a thousands separator: "1,203"
                DigitWriter.append(milliseconds / 1000 + 1, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                DigitWriter.append(milliseconds % 1000, width: 3, to: &bytes)
            }
            default: writer.stringField(k[4]) { bytes in
                DigitWriter.append(milliseconds, to: &bytes)
                bytes.append(contentsOf: [UInt8(ascii: "m"), UInt8(ascii: "s")])
            }
            }
        } else if shape < 0.02 {
            counts.nullResponseTimes += 1
            writer.null(k[4])
        } else {
            writer.stringField(k[4]) { DigitWriter.append(milliseconds, to: &$0) }
        }
        writer.field(k[5], product.name)
        writer.stringField(k[6]) { bytes in
            bytes.append(contentsOf: urlPrefix)
            bytes.append(contentsOf: product.path.utf8)
            bytes.append(contentsOf: page.utf8)
        }
        writer.end()
        counts.events += 1
    }

    /// `yyyy-MM-dd HH:mm:ss` of `t` seconds since the epoch, in UTC.
    static func appendDateTime(_ t: Int, to bytes: inout [UInt8]) {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let seconds = t - days * 86400
        DigitWriter.appendISODate(CivilDate(days: days), to: &bytes)
        bytes.append(UInt8(ascii: " "))
        DigitWriter.append(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DigitWriter.append(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        DigitWriter.append(seconds % 60, width: 2, to: &bytes)
    }
}
