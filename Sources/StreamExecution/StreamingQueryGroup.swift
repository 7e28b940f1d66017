import Synchronization

/// Runs several streaming queries side by side, as Spark runs the queries started in one
/// session: each on its own task, each with its own sources, trigger and checkpoint.
///
/// ``run()`` returns when every query has finished (its trigger is done, or ``stop()`` was
/// called and it finished its running batch). When one query fails, the others are asked to
/// stop after their running batch and the first error is rethrown, so no query is left
/// running unattended and every committed batch stays committed.
///
/// ```swift
/// let group = StreamingQueryGroup([parsed, joined, scored])
/// async let signal: Void = { await sigint(); group.stop() }()
/// try await group.run()
/// ```
public final class StreamingQueryGroup: Sendable {
    /// The queries, in the order given.
    public var queries: [StreamingQuery] { boxes.map(\.query) }
    private let boxes: [QueryHandle]
    private let stopped = Mutex(false)

    public init(_ queries: [StreamingQuery]) {
        boxes = queries.map(QueryHandle.init)
    }

    /// Whether ``stop()`` was called.
    public var isStopRequested: Bool { stopped.withLock { $0 } }

    /// Asks every query to stop after its running batch; safe from any task or thread.
    public func stop() {
        stopped.withLock { $0 = true }
        for box in boxes { box.query.stop() }
    }

    /// Runs every query until it is done; see the type's documentation for failures.
    public func run() async throws {
        if isStopRequested { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for box in boxes {
                group.addTask { try await box.query.run() }
            }
            do {
                try await group.waitForAll()
            } catch {
                stop()
                // Let the others finish their running batch before reporting the failure.
                while !group.isEmpty { _ = try? await group.next() }
                throw error
            }
        }
    }
}

/// Hands a query to the one task that runs it. Safe because that task is its only user apart
/// from `stop()`, which is lock-protected (``StreamingQuery/stop()``).
private struct QueryHandle: @unchecked Sendable {
    let query: StreamingQuery
}
