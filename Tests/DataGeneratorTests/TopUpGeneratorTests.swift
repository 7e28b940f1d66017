import DataGenerator
import Foundation
import Testing

@Suite struct TopUpGeneratorTests {
    func generate(customers: Int, seed: UInt64, batchSize: Int = 50) throws -> (String, GenerationManifest) {
        let out = try GeneratedFiles.temporaryDirectory("topup")
        var configuration = TopUpGeneratorConfiguration(customers: customers, seed: seed, outputDirectory: out)
        configuration.batchSize = batchSize
        return (out, try TopUpGenerator(configuration: configuration).run())
    }

    @Test func theSameArgumentsWriteTheSameBytes() throws {
        let (a, _) = try generate(customers: 700, seed: 5)
        let (b, _) = try generate(customers: 700, seed: 5)
        let (c, _) = try generate(customers: 700, seed: 6)
        defer { for dir in [a, b, c] { try? FileManager.default.removeItem(atPath: dir) } }
        let first = try GeneratedFiles.contents(of: a)
        #expect(first.count == 2 * 4 + 1)  // 14 batches → 4 files per stream, and the manifest
        #expect(first == (try GeneratedFiles.contents(of: b)))
        #expect(first["/bureau/part-00000.jsonl"] != (try GeneratedFiles.contents(of: c))["/bureau/part-00000.jsonl"])
    }

    @Test func manifestCountsMatchTheFiles() throws {
        let (out, manifest) = try generate(customers: 1234, seed: 8, batchSize: 40)
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try GeneratedFiles.manifest(out + "/manifest.json")["bureau_records"] as? Int == manifest["bureau_records"])
        let customerMessages = try GeneratedFiles.messages(in: out + "/customer")
        let bureauMessages = try GeneratedFiles.messages(in: out + "/bureau")
        let customers = GeneratedFiles.records(customerMessages)
        let bureau = GeneratedFiles.records(bureauMessages)
        #expect(customerMessages.count == manifest["customer_messages"])
        #expect(customers.count == manifest["customer_records"])
        #expect(customers.count == 1234)
        #expect(Set(customers.compactMap { $0["ID"] as? String }).count == 1234)
        #expect(bureauMessages.count == manifest["bureau_messages"])
        #expect(bureau.count == manifest["bureau_records"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/bureau").count == manifest["files_per_stream"])
        // Every message's records share one integer ts.
        for message in customerMessages + bureauMessages {
            let times = Set(((message as? [[String: Any]]) ?? []).map { $0["ts"] as? Int ?? -1 })
            #expect(times.count == 1 && times.first.map { $0 > 0 } == true)
        }
        // Late messages: some bureau message carries a ts older than an earlier message of its stream.
        var latest = 0
        var older = 0
        for case let message as [[String: Any]] in bureauMessages {
            let ts = message.first?["ts"] as? Int ?? 0
            if ts + 5 < latest { older += message.count }
            latest = max(latest, ts)
        }
        #expect(older > 0 && older <= manifest["late_bureau_records"] ?? 0)
        #expect((manifest["stray_bureau_records"] ?? 0) > 0)
    }

    @Test func valuesHaveTheSeedsShapesWithSomeMalformed() throws {
        let (out, _) = try generate(customers: 2000, seed: 21)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let customers = GeneratedFiles.records(try GeneratedFiles.messages(in: out + "/customer"))
        let bureau = GeneratedFiles.records(try GeneratedFiles.messages(in: out + "/bureau"))
        let isoDate = try Regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        let dates = customers.compactMap { $0["DisbursalDate"] as? String }
        let malformed = dates.filter { $0.wholeMatch(of: isoDate) == nil }.count
        #expect(malformed > 0 && Double(malformed) < 0.1 * Double(dates.count))
        #expect(customers.contains { $0["Frequency"] is NSNull })
        #expect(customers.contains { $0["Frequency"] == nil })
        let grouped = try Regex("^[0-9]{1,2}(,[0-9]{2})*,[0-9]{3}$")
        #expect(bureau.contains { ($0["DISBURSED-AMT/HIGH CREDIT"] as? String)?.wholeMatch(of: grouped) != nil })
        let instalment = try Regex("^[0-9,]+/(Monthly|Weekly|Fortnightly|Quarterly)$")
        #expect(bureau.contains { ($0["INSTALLMENT-AMT"] as? String)?.wholeMatch(of: instalment) != nil })
        let indicators = Set(bureau.compactMap { $0["SELF-INDICATOR"] as? String })
        #expect(indicators.isSuperset(of: ["TRUE", "FALSE"]))
    }

    @Test func theTopUpLabelFollowsTheFeatures() throws {
        let (out, manifest) = try generate(customers: 4000, seed: 3)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let customers = GeneratedFiles.records(try GeneratedFiles.messages(in: out + "/customer"))
        let labelled = customers.compactMap { record -> (income: Double, ltv: Double, topUp: Bool)? in
            guard let label = record["Top-up Month"] as? String, let income = (record["MonthlyIncome"] as? String).flatMap(Double.init),
                  let ltv = (record["LTV"] as? String).flatMap(Double.init) else { return nil }
            return (income, ltv, label != "No Top-up Service")
        }
        func rate(_ rows: [(income: Double, ltv: Double, topUp: Bool)]) -> Double {
            Double(rows.filter(\.topUp).count) / Double(max(rows.count, 1))
        }
        let share = rate(labelled)
        #expect(share > 0.1 && share < 0.45)
        #expect(abs(Double(manifest["topup_customers"] ?? 0) / 4000 - share) < 0.03)
        let medianIncome = labelled.map(\.income).sorted()[labelled.count / 2]
        #expect(rate(labelled.filter { $0.income > medianIncome }) > 1.5 * rate(labelled.filter { $0.income <= medianIncome }))
        #expect(rate(labelled.filter { $0.ltv < 72.5 }) > 1.5 * rate(labelled.filter { $0.ltv >= 72.5 }))
    }

    @Test func invalidOptionsAreRefusedBeforeWriting() {
        var configuration = TopUpGeneratorConfiguration(customers: 0, seed: 1, outputDirectory: "/nonexistent/never")
        #expect(throws: GeneratorError.invalidConfiguration(option: "--customers", value: "0", expected: "at least 1")) {
            try TopUpGenerator(configuration: configuration).run()
        }
        configuration.customers = 10
        configuration.batchSize = 0
        #expect(throws: GeneratorError.self) { try TopUpGenerator(configuration: configuration).run() }
    }
}
