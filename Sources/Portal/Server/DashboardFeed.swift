import Foundation

/// The dashboard's data, re-read at most once per refresh interval and shared by every client.
///
/// However many browsers hold `/events` open, the progress files are read once per interval: the
/// first client to ask after the interval rebuilds the ``Snapshot`` and the others get the same
/// one. Progress files are followed incrementally (``ProgressFollower``). The store's sections
/// (churn distribution, response times, state counts) cost a scan of whole tables and change only
/// when a batch commits, so they are re-read every ``storeInterval`` (5 intervals, at least 5 s):
/// with the demo's store that scan took 0.3–0.7 s, which every second would keep half a core
/// busy next to the pipelines.
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
    private let demoDirectory: String?
    private let interval: Duration
    private let idleAfterSeconds: Double
    private var followers: [String: ProgressFollower] = [:]
    private var latest: Snapshot?
    private var builtAt: ContinuousClock.Instant?
    /// How often the store's sections are read again.
    public let storeInterval: Duration
    private var storeSections: DashboardModel?
    private var storeReadAt: ContinuousClock.Instant?

    /// A feed over `store` and the progress files in `progressPath`, refreshed every `interval`;
    /// the store's sections every `storeInterval` (default: 5 intervals, at least 5 s); a query
    /// without a batch for `idleAfter` shows as idle.
    public init(
        store: PortalStore, progressPath: String, demoDirectory: String? = nil, interval: Duration, storeInterval: Duration? = nil,
        idleAfter: Duration = .seconds(DashboardModel.defaultIdleAfterSeconds)
    ) {
        self.store = store
        self.progressPath = progressPath
        self.demoDirectory = demoDirectory
        self.interval = interval
        self.idleAfterSeconds = Double(idleAfter.components.seconds) + Double(idleAfter.components.attoseconds) / 1e18
        self.storeInterval = storeInterval ?? max(interval * 5, .seconds(5))
    }

    /// The current snapshot, rebuilt when the last one was started 90 % of the interval ago or
    /// more (the slack keeps a client whose tick comes a little early from waiting a whole
    /// extra interval).
    public func current() -> Snapshot {
        if let latest, let builtAt, ContinuousClock.now - builtAt < interval * 0.9 { return latest }
        return refresh()
    }

    /// Reads the progress files again now (the store too when its sections are due, see
    /// ``storeInterval``) and returns the new snapshot.
    @discardableResult
    public func refresh() -> Snapshot {
        // The age of a snapshot counts from when its reading started.
        builtAt = ContinuousClock.now
        pollProgress()
        var model: DashboardModel
        if let storeSections, let storeReadAt, ContinuousClock.now - storeReadAt < storeInterval * 0.9 {
            model = DashboardModel.build(progress: Array(followers.values), now: Date(), storeSections: storeSections, idleAfterSeconds: idleAfterSeconds)
        } else {
            storeReadAt = ContinuousClock.now
            model = DashboardModel.build(store: store, progress: Array(followers.values), now: Date(), idleAfterSeconds: idleAfterSeconds)
            storeSections = model
        }
        if let demoDirectory, !FileManager.default.fileExists(atPath: demoDirectory) {
            model.demoProblem = PortalConfiguration.missingDemoDirectoryMessage(demoDirectory)
        }
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
