import Foundation

/// The dashboard's data, re-read at most once per refresh interval and shared by every client.
///
/// However many browsers hold `/events` open, the store and the progress files are read once
/// per interval: the first client to ask after the interval rebuilds the ``Snapshot`` and the
/// others get the same one. Progress files are followed incrementally (``ProgressFollower``).
public actor DashboardFeed {
    /// One rendered state of the dashboard.
    public struct Snapshot: Sendable {
        /// Increases whenever the model changes.
        public var version: Int
        public var model: DashboardModel
        /// The server-sent event carrying every section (`event: dashboard`).
        public var event: String
    }

    private let store: PortalStore
    private let progressPath: String
    private let interval: Duration
    private var followers: [String: ProgressFollower] = [:]
    private var latest: Snapshot?
    private var builtAt: ContinuousClock.Instant?

    /// A feed over `store` and the progress files in `progressPath`, refreshed every `interval`.
    public init(store: PortalStore, progressPath: String, interval: Duration) {
        self.store = store
        self.progressPath = progressPath
        self.interval = interval
    }

    /// The current snapshot, rebuilt when the last one was started 90 % of the interval ago or
    /// more (the slack keeps a client whose tick comes a little early from waiting a whole
    /// extra interval).
    public func current() -> Snapshot {
        if let latest, let builtAt, ContinuousClock.now - builtAt < interval * 0.9 { return latest }
        return refresh()
    }

    /// Reads everything again now and returns the new snapshot.
    @discardableResult
    public func refresh() -> Snapshot {
        // The age of a snapshot counts from when its reading started.
        builtAt = ContinuousClock.now
        pollProgress()
        let model = DashboardModel.build(store: store, progress: Array(followers.values), now: Date())
        if let latest, latest.model == model { return latest }
        let snapshot = Snapshot(version: (latest?.version ?? 0) + 1, model: model, event: Self.event(for: model))
        latest = snapshot
        return snapshot
    }

    private func pollProgress() {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: progressPath)) ?? []
        for file in files where file.hasSuffix(".jsonl") && followers[file] == nil {
            followers[file] = ProgressFollower(path: progressPath + "/" + file)
        }
        for key in followers.keys {
            followers[key]?.poll()
        }
    }

    /// `event: dashboard` with `{"version", "generatedAt", "sections": {id: html}}` as its data line.
    static func event(for model: DashboardModel) -> String {
        struct Payload: Encodable {
            var generatedAt: String
            var sections: [String: String]
        }
        let seconds = Int(Date().timeIntervalSince1970) % 86_400
        let time = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":") + " UTC"
        let payload = Payload(
            generatedAt: time,
            sections: Dictionary(DashboardView.sections(model).map { ($0.id, $0.html.rendered) }, uniquingKeysWith: { first, _ in first }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(payload)) ?? Data("{}".utf8)
        return "event: dashboard\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n"
    }
}
