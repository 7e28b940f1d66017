/// Writes the CRM export of the churn pipeline: `crm.jsonl`, one JSON document per line, in
/// shuffled user order, and `_manifest.json` (the underscore keeps file sources from reading it).
///
/// Documents have a flexible schema, as a document store's export does: `user_id`, `name`,
/// `address`, `first_visit` (`yyyy-MM-dd`), `zip` (a string), `sentiment` (null for ~2%),
/// `persona`, `churn_risk` (an int 0–100; ~5% stored as a float, ~2% missing), and sparse
/// extras present for only some users: `twitter_handle` (~30%), `app_version` (~40%),
/// `loyalty_tier` (~25%). Names and addresses include non-ASCII text (`Müller`).
public struct CRMGenerator {
    /// What to write.
    public var configuration: ChurnGeneratorConfiguration

    /// A generator for `configuration`.
    public init(configuration: ChurnGeneratorConfiguration) {
        self.configuration = configuration
    }

    private static let keys = [
        "user_id", "name", "address", "first_visit", "zip", "sentiment", "persona", "churn_risk",
        "twitter_handle", "app_version", "loyalty_tier",
    ].map(JSONKey.init)

    /// Writes the documents and the manifest; `log` receives progress lines.
    @discardableResult
    public func run(log: @escaping (String) -> Void = { _ in }) throws(GeneratorError) -> GenerationManifest {
        try configuration.validate()
        let c = configuration
        try OutputDirectory.create(c.outputDirectory)
        let file = try DataFile(path: c.outputDirectory + "/crm.jsonl")
        let order = ShuffledOrder(count: c.customers, seed: c.seed)
        var progress = GenerationProgress(label: "crm documents", total: c.customers, log: log)
        var counts: [String: Int] = [:]
        var writer = JSONObjectWriter()
        for position in 0..<c.customers {
            let profile = ChurnUserProfile(seed: c.seed, userID: ChurnUserProfile.firstUserID + order.element(at: position))
            writer.bytes.removeAll(keepingCapacity: true)
            Self.document(profile, seed: c.seed, writer: &writer, counts: &counts)
            file.buffer.append(contentsOf: writer.bytes)
            file.buffer.append(UInt8(ascii: "\n"))
            try file.flushIfFull()
            progress.update(done: position + 1, records: position + 1)
        }
        try file.close()

        var manifest = GenerationManifest()
        manifest.set("generator", .string("s360 generate crm"))
        manifest.set("seed", .unsigned(c.seed))
        manifest["customers"] = c.customers
        manifest["crm_documents"] = c.customers
        for (key, value) in counts { manifest[key] = value }
        manifest.set("churn_label_share", .double(Double(counts["churn_label_users", default: 0]) / Double(c.customers)))
        try manifest.write(to: c.outputDirectory + "/_manifest.json")
        progress.finish(records: c.customers, bytes: file.byteCount)
        return manifest
    }

    /// Writes `profile`'s document and counts its optional shapes.
    private static func document(_ profile: ChurnUserProfile, seed: UInt64, writer: inout JSONObjectWriter, counts: inout [String: Int]) {
        var random = SeededRandom(seed: seed, stream: 2, entity: UInt64(profile.userID))
        let k = keys
        let place = random.element(of: ChurnCatalog.cities)
        let first = random.element(of: ChurnCatalog.firstNames)
        writer.begin()
        writer.field(k[0], profile.userID)
        writer.field(k[1], first + " " + random.element(of: ChurnCatalog.lastNames))
        writer.field(k[2], "\(random.int(in: 1..<9999)) \(random.element(of: ChurnCatalog.streets)), \(place.city), \(place.state)")
        writer.stringField(k[3]) { bytes in
            let date = CivilDate(year: random.int(in: 2015..<2024), month: random.int(in: 1..<13), day: random.int(in: 1..<29))
            DigitWriter.appendISODate(date, to: &bytes)
        }
        writer.stringField(k[4]) { bytes in
            bytes.append(contentsOf: place.zipPrefix.utf8)
            DigitWriter.append(random.int(in: 0..<100), width: 2, to: &bytes)
        }
        if random.chance(0.02) {
            writer.null(k[5])
            counts["null_sentiments", default: 0] += 1
        } else {
            writer.field(k[5], profile.sentiment)
        }
        writer.field(k[6], profile.persona)
        let riskShape = random.unit()
        if riskShape < 0.05 {
            writer.rawField(k[7]) { bytes in
                DigitWriter.append(profile.risk, to: &bytes)
                bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "5")])
            }
            counts["float_churn_risks", default: 0] += 1
        } else if riskShape < 0.07 {
            counts["missing_churn_risks", default: 0] += 1
        } else {
            writer.field(k[7], profile.risk)
        }
        if random.chance(0.30) {
            writer.field(k[8], "@\(first.lowercased())\(random.int(in: 10..<999))")
            counts["twitter_handles", default: 0] += 1
        }
        if random.chance(0.40) {
            writer.field(k[9], "\(random.int(in: 3..<6)).\(random.int(in: 0..<10)).\(random.int(in: 0..<20))")
            counts["app_versions", default: 0] += 1
        }
        if let tier = profile.tier {
            writer.field(k[10], tier)
            counts["loyalty_tiers", default: 0] += 1
        }
        writer.end()
        if profile.risk >= 20 { counts["churn_label_users", default: 0] += 1 }
        if profile.hasNoEvents { counts["users_without_events", default: 0] += 1 }
    }
}
