/// The customers the top-up model predicts will take a top-up, in the latest window with
/// predictions: the people behind the dashboard's "top-up targets" and its state tiles.
public struct TopUpTargets: Sendable, Hashable {
    /// One predicted customer.
    public struct Target: Sendable, Hashable {
        /// The customer id (the prediction's `ID`, the CRM's `user_id`).
        public var id: String
        /// The CRM name, masked when masking is on; nil when the CRM has no such customer.
        public var name: String?
        public var probability: Double?
        public var state: String?
    }

    /// The state asked for (as given), or nil for every state.
    public var state: String?
    /// The window's end, or nil when there is no prediction.
    public var windowEnd: String?
    /// The targets, most likely first.
    public var targets: [Target]

    /// The predicted top-up customers of the latest window (by `window_end`), of `state` when
    /// given (compared as the tile map does: upper case, old spellings resolved).
    public static func load(state: String?, store: PortalStore, mask: PersonalDataMask) throws(PortalError) -> TopUpTargets {
        let wanted = state.map { StateTileMap.canonical($0) ?? $0.uppercased() }
        let predictions = try store.documents(in: PortalTables.topUpPredictions)
        guard let windowEnd = predictions.compactMap({ $0["window_end"]?.text }).max() else {
            return TopUpTargets(state: state, windowEnd: nil, targets: [])
        }
        var targets: [Target] = []
        for prediction in predictions where prediction["window_end"]?.text == windowEnd && (prediction["prediction"]?.number ?? 0) >= 1 {
            let targetState = prediction["State"]?.text
            if let wanted, (targetState.map { StateTileMap.canonical($0) ?? $0.uppercased() }) != wanted { continue }
            let id = prediction["ID"]?.text ?? ""
            var name: String?
            for candidate in CustomerProfile.documentIDs(for: id) {
                if let document = try store.document(in: PortalTables.crm, id: candidate) {
                    name = document["name"]?.text.map { mask.apply(field: "name", value: $0) }
                    break
                }
            }
            targets.append(Target(id: id, name: name, probability: prediction["probability"]?.number, state: targetState))
        }
        targets.sort { ($0.probability ?? 0, $1.id) > ($1.probability ?? 0, $0.id) }
        return TopUpTargets(state: state, windowEnd: windowEnd, targets: targets)
    }
}
