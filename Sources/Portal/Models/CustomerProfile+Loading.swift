import DocumentStore
import Foundation

extension CustomerProfile {
    /// Reads the customer `id` (as in `/customers/ID`) and everything known about them.
    /// - Throws: ``PortalError/customerNotFound(id:)`` when no CRM document has this id,
    ///   ``PortalError/storeUnavailable(path:message:)`` when the store cannot be read.
    public static func load(id: String, store: PortalStore, mask: PersonalDataMask) throws(PortalError) -> CustomerProfile {
        var found: (DocumentID, JSONValue)?
        for candidate in documentIDs(for: id) {
            if let document = try store.document(in: PortalTables.crm, id: candidate) {
                found = (candidate, document)
                break
            }
        }
        guard let (documentID, document) = found, case .object(let object) = document else {
            throw .customerNotFound(id: id)
        }
        let history = try store.documents(in: PortalTables.churnPredictions, where: [.equals("user_id", documentID.value)])
            .compactMap { score -> ChurnScore? in
                guard let probability = score["churn_probability"]?.number else { return nil }
                return ChurnScore(scoredAt: score["scored_at"]?.text ?? "", probability: probability, product: score["product"]?.text)
            }
            .sorted { $0.scoredAt < $1.scoredAt }
        let topUp = try store.documents(in: PortalTables.topUpPredictions, where: [.equals("ID", .string(id))])
            .max { ($0["window_start"]?.text ?? "") < ($1["window_start"]?.text ?? "") }
            .map { prediction in
                TopUp(
                    predicted: (prediction["prediction"]?.number ?? 0) >= 1, probability: prediction["probability"]?.number,
                    window: [prediction["window_start"]?.text, prediction["window_end"]?.text].compactMap { $0 }.joined(separator: " – "),
                    state: prediction["State"]?.text,
                    lineage: prediction["customer_source"]?.text.map { customer in
                        TopUpLineage(customerSource: customer, bureauRecords: Int(prediction["bureau_records"]?.number ?? 0),
                                     bureauSources: prediction["bureau_sources"]?.elements.compactMap(\.text) ?? [])
                    })
            }
        let clicks = try store.documents(in: PortalTables.clicks, where: [.equals("user_id", documentID.value)])
            .map { click in
                Click(
                    datetime: click["datetime"]?.text ?? "", product: click["product"]?.text ?? "", browser: click["browser"]?.text ?? "",
                    os: click["os"]?.text ?? "", url: click["url"]?.text ?? "", responseTimeMs: click["response_time_ms"]?.number)
            }
            .sorted { $0.datetime > $1.datetime }
        let recent = Array(clicks.prefix(clickLimit))
        let times = recent.compactMap(\.responseTimeMs).filter(\.isFinite)
        let average = times.isEmpty ? nil : times.reduce(0, +) / Double(times.count)
        let churn = object["churn_probability"]?.number ?? history.last?.probability
        let orderedNames = fieldOrder.filter { object[$0] != nil } + object.keys.filter { !fieldOrder.contains($0) }.sorted()
        return CustomerProfile(
            id: documentID.value.json.trimmingCharacters(in: ["\""]),
            name: mask.apply(field: "name", value: object["name"]?.text ?? "(no name)"),
            fields: orderedNames.map { Field(name: $0, value: mask.apply(field: $0, value: FieldFormat.value($0, object[$0] ?? .null))) },
            churnProbability: churn, churnHistory: history, topUp: topUp, recentClicks: recent,
            averageResponseMs: average, slowestResponseMs: times.max(),
            actions: NextBestAction.recommend(
                churnProbability: churn, topUpPredicted: topUp?.predicted ?? false, averageResponseMs: average,
                sentiment: object["sentiment"]?.text))
    }
}
