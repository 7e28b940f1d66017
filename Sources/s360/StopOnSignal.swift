import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM for a command that runs streaming queries: the first signal calls
/// `stop` (the queries finish their running batch, commit and return), a second one ends the
/// process at once. Keep the value alive while the queries run.
final class StopOnSignal {
    private let sources: [any DispatchSourceSignal]

    /// - Parameters:
    ///   - command: the command's name, for the lines it prints.
    ///   - stop: asks the running queries to stop; called on a background queue.
    init(command: String, stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "s360.\(command).signals")
        let stopping = Mutex(false)
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "Ctrl-C"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let again = stopping.withLock { stopping in
                    defer { stopping = true }
                    return stopping
                }
                if again {
                    StandardError.write("\(command): \(name) again, stopping now")
                    exit(128 + number)
                }
                StandardError.write("\(command): \(name), finishing the running batches… (again to stop at once)")
                stop()
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
