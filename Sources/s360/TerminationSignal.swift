import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGINT and SIGTERM from the moment it is created, without a Foundation run loop.
///
/// Create it before announcing readiness (a signal that arrives early is remembered, not lost),
/// then ``wait()``. The default handlers are replaced by `SIG_IGN` so the process survives the
/// signal, and Dispatch signal sources deliver it on a background queue.
final class TerminationSignal {
    private let latch = Latch()
    private let sources: [any DispatchSourceSignal]

    init() {
        let queue = DispatchQueue(label: "s360.signals")
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [latch] in latch.fire(name) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    /// Suspends until SIGINT or SIGTERM has arrived (possibly already) and returns its name.
    func wait() async -> String {
        await latch.wait()
    }
}

/// Remembers the first signal and resumes the one waiter, whichever comes first.
private final class Latch: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<String, Never>)
        case fired(String)
    }

    private let state = Mutex(State.idle)

    func fire(_ name: String) {
        let waiter: CheckedContinuation<String, Never>? = state.withLock { state in
            switch state {
            case .idle:
                state = .fired(name)
                return nil
            case .waiting(let continuation):
                state = .fired(name)
                return continuation
            case .fired:
                return nil
            }
        }
        waiter?.resume(returning: name)
    }

    func wait() async -> String {
        await withCheckedContinuation { continuation in
            let fired: String? = state.withLock { state in
                if case .fired(let name) = state { return name }
                state = .waiting(continuation)
                return nil
            }
            if let fired { continuation.resume(returning: fired) }
        }
    }
}
