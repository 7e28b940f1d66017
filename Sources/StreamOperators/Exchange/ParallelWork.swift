import Dispatch

/// Runs one piece of work per partition on Dispatch's worker threads (as many at once as there
/// are cores) and waits for all of them.
///
/// The calling thread takes part and blocks until every piece finished; the work is CPU-bound
/// (operators over in-memory batches, snapshot encoding), so this is the structured parallel loop
/// a batch needs, not a wait on I/O. Errors do not cancel the other pieces: all run, then the
/// lowest partition's error is thrown, so a failure is reported the same way on every run.
public enum ParallelWork {
    /// `body(p)` for every p in `0..<count`, in parallel; the results in partition order.
    public static func map<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        if count == 1 { return [try body(0)] }
        let results = Slots<T>(count: count)
        try withoutActuallyEscaping(body) { body in
            // Each iteration touches only its own partition's operators and result slot, and
            // concurrentPerform returns after all finished: the work is race-free by construction,
            // which the compiler cannot see through the non-Sendable operator trees it captures.
            let work = UncheckedWork(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { partition in
                results.set(partition, Result { try work.body(partition) })
            }
        }
        return try results.values()
    }

    /// `body(p)` for every p in `0..<count`, in parallel.
    public static func forEach(_ count: Int, _ body: (Int) throws -> Void) throws {
        _ = try map(count, body)
    }

    private struct UncheckedWork<R>: @unchecked Sendable {
        let body: (Int) throws -> R
    }

    /// One result slot per partition, each written by exactly one worker and read after all finished.
    private final class Slots<T>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ partition: Int, _ result: Result<T, any Error>) {
            slots[partition] = result
        }

        func values() throws -> [T] {
            try slots.map { result in
                guard let result else { preconditionFailure("a partition's work did not run") }
                return try result.get()
            }
        }
    }
}
