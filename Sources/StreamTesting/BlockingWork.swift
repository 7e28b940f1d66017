import Dispatch

/// Runs blocking work (waiting for an oracle process such as PySpark, reading a large file)
/// on a Dispatch thread of its own instead of a thread of Swift's cooperative pool.
///
/// The cooperative pool has one thread per core (two on the project machine); a test that
/// waits a minute for a JVM there starves every other test running beside it, and tests with
/// a time limit fail for no fault of their own.
///
/// ```swift
/// let rows = try await BlockingWork.run { try SparkReaderOracle.read(path, columns: names) }
/// ```
public enum BlockingWork {
    /// Runs `body` on a global Dispatch queue and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
