import Synchronization

/// A query's stop request: a flag any task may raise, and waits that end when it is raised.
///
/// ``StreamingQuery/stop()`` raises it from any task; the query checks ``isRequested`` between
/// batches, and a query waiting (for a retry's back-off, or for the next processing-time
/// trigger) races its clock against ``wait()`` so that a stop ends the wait at once. The state
/// is a small `Mutex`-guarded machine: raised or not, plus the continuations of the tasks
/// waiting, each resumed exactly once (by the raise, or by its task's cancellation).
final class StopSignal: Sendable {
    private struct State {
        var isRequested = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Whether ``request()`` was called.
    var isRequested: Bool { state.withLock { $0.isRequested } }

    /// Raises the flag and ends every wait; later calls do nothing more.
    func request() {
        let waiters = state.withLock { state in
            state.isRequested = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the flag is raised (at once if it already is) or the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.isRequested || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
