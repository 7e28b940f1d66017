#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One dedicated OS thread that runs blocking librdkafka calls (poll, flush, metadata) for async callers.
///
/// Swift's cooperative pool has one thread per core (two here): a `poll` that waits 100 ms on it
/// would stall every other task. The async methods of ``KafkaProducer`` and ``KafkaConsumer``
/// therefore hand their blocking call to this thread and suspend until it finishes. Jobs run one at
/// a time in submission order. The thread is detached and ends when the owner is released.
final class BlockingCallThread: @unchecked Sendable {
    // @unchecked: `queue` is only touched under its own pthread mutex, and `init` publishes it
    // to the new thread before any job is submitted.
    private let queue: JobQueue

    init() {
        queue = JobQueue()
        var thread = pthread_t()
        let context = Unmanaged.passRetained(queue).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let queue = Unmanaged<JobQueue>.fromOpaque(context).takeRetainedValue()
            queue.runUntilStopped()
            return nil
        }, context)
        guard status == 0 else {
            preconditionFailure("pthread_create failed with \(status): cannot start the Kafka blocking-call thread")
        }
        pthread_detach(thread)
    }

    deinit {
        queue.stop()
    }

    /// Runs `body` on the dedicated thread and returns its result (or rethrows its error).
    func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            queue.submit {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
        }
        return try result.get()
    }
}

/// A FIFO of closures guarded by a pthread mutex and condition variable.
private final class JobQueue: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while holding `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(mutex)
        jobs.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The thread's loop: runs jobs until stopped and drained.
    func runUntilStopped() {
        while true {
            pthread_mutex_lock(mutex)
            while jobs.isEmpty && !stopping {
                pthread_cond_wait(condition, mutex)
            }
            if jobs.isEmpty {
                pthread_mutex_unlock(mutex)
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            pthread_mutex_unlock(mutex)
            for job in batch { job() }
        }
    }
}
