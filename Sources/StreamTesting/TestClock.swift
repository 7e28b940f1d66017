import Synchronization

/// A clock whose time moves only when a test says so, for a query's processing-time trigger
/// and sink-retry back-off without real waiting.
///
/// Two ways to use it:
/// - **manual** (the default): a sleeper stays suspended until ``advance(by:)`` moves ``now``
///   to or past its deadline, or its task is cancelled. ``sleepers`` tells a test what is
///   waiting; ``sleepRequests`` yields every sleep as it starts, so a test can wait for one.
/// - **skipping** (`TestClock(skipsSleeps: true)`): every sleep moves ``now`` to its deadline
///   and returns at once, so a query retrying with back-off runs straight through while the
///   clock still accounts for the time it would have waited.
///
/// Every sleep's length is recorded in ``sleeps``, in order.
///
/// ```swift
/// let clock = TestClock(skipsSleeps: true)
/// try await query.run(clock: clock)
/// #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
/// ```
public final class TestClock: Clock, Sendable {
    /// A point on a ``TestClock``: the time since the clock was made.
    public struct Instant: InstantProtocol, CustomStringConvertible {
        /// The time since the clock was made.
        public var offset: Duration

        /// The instant `offset` after the clock was made.
        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        public var description: String { "\(offset)" }
    }

    private struct Sleeper {
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
        var sleepers: [Int: Sleeper] = [:]
        var nextSleeper = 0
    }

    private let state = Mutex(State())
    private let skipsSleeps: Bool
    private let requests: AsyncStream<Duration>.Continuation

    /// Every sleep as it starts, with its length (its deadline minus ``now``); it never finishes.
    public let sleepRequests: AsyncStream<Duration>

    /// - Parameter skipsSleeps: whether a sleep moves the clock to its deadline and returns at
    ///   once (true), or waits for ``advance(by:)`` (false, the default).
    public init(skipsSleeps: Bool = false) {
        self.skipsSleeps = skipsSleeps
        (sleepRequests, requests) = AsyncStream.makeStream(of: Duration.self)
    }

    public var now: Instant { state.withLock { $0.now } }

    public var minimumResolution: Duration { .zero }

    /// The length of every sleep so far, in order (deadline minus the time it started).
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// How many tasks are sleeping now.
    public var sleepers: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until ``now`` reaches `deadline` (at once when it already has, or when the clock
    /// skips sleeps). - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let (id, length) = state.withLock { state in
            let length = state.now.duration(to: deadline)
            state.sleeps.append(length)
            defer { state.nextSleeper += 1 }
            return (state.nextSleeper, length)
        }
        requests.yield(length)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if skipsSleeps, state.now < deadline { state.now = deadline }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves ``now`` forward by `duration` and wakes every sleeper whose deadline it reached.
    public func advance(by duration: Duration) {
        let woken = state.withLock { state in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }
}
