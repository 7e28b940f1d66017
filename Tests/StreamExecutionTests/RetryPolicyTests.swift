import Connectors
import StreamExecution
import StreamTesting
import Testing

/// The back-off schedule of a ``RetryPolicy`` and its validation.
@Suite struct RetryPolicyTests {
    @Test func theDefaultDoublesFromHalfASecondToThirtySecondsForAboutFiveMinutes() {
        let policy = RetryPolicy.default
        let waits = (1...9).map { policy.backoff(beforeRetry: $0) }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30),
                          .seconds(30), .seconds(30)])
        // Simulate a sink that never recovers (attempts take no time): the waits fill the budget.
        var elapsed = Duration.zero
        var attempts = 1
        while let delay = policy.delay(afterFailedAttempts: attempts, elapsed: elapsed) {
            elapsed += delay
            attempts += 1
        }
        #expect(attempts == 15)
        #expect(elapsed == .milliseconds(271_500))
        #expect(elapsed <= .seconds(300))
    }

    @Test func neverRetries() {
        #expect(RetryPolicy.never.delay(afterFailedAttempts: 1, elapsed: .zero) == nil)
    }

    @Test func aMultiplierOfOneWaitsTheSameEveryTime() {
        let policy = RetryPolicy(maxAttempts: 5, initialBackoff: .milliseconds(300), multiplier: 1)
        #expect((1...4).map { policy.delay(afterFailedAttempts: $0, elapsed: .zero) } == Array(repeating: .milliseconds(300), count: 4))
        #expect(policy.delay(afterFailedAttempts: 5, elapsed: .zero) == nil)
    }

    @Test(arguments: [
        (RetryPolicy(maxAttempts: 0), "maxAttempts"),
        (RetryPolicy(maxElapsed: nil), "maxElapsed"),
        (RetryPolicy(maxElapsed: .seconds(-1)), "maxElapsed"),
        (RetryPolicy(initialBackoff: .seconds(-1)), "initialBackoff"),
        (RetryPolicy(multiplier: 0.5), "multiplier"),
        (RetryPolicy(multiplier: .nan), "multiplier"),
        (RetryPolicy(initialBackoff: .seconds(10), maxBackoff: .seconds(1)), "maxBackoff"),
    ])
    func invalidPoliciesNameTheFieldToChange(policy: RetryPolicy, field: String) {
        let error = #expect(throws: RetryPolicy.InvalidOption.self) { try policy.validate() }
        #expect(error?.option == field)
        #expect(error?.description.hasPrefix("invalid sinkRetry.\(field): ") == true)
    }

    @Test func aQueryWithAnInvalidPolicyIsRefusedAtCreation() throws {
        let source = MemorySource(schema: eventSchema)
        let error = #expect(throws: QueryError.self) {
            try StreamingQuery(try passThrough(source), sink: MemorySink(),
                               configuration: .init(sinkRetry: RetryPolicy(maxAttempts: 0)))
        }
        #expect(error?.domain == .user)
        #expect(error?.underlying is RetryPolicy.InvalidOption)
    }

    @Test func durationsAreFormattedForPeople() {
        #expect(RetryPolicy.format(.milliseconds(250)) == "250 ms")
        #expect(RetryPolicy.format(.seconds(2)) == "2 s")
        #expect(RetryPolicy.format(.milliseconds(1500)) == "1.5 s")
        #expect(RetryPolicy.format(.seconds(270)) == "4 min 30 s")
        #expect(RetryPolicy.format(.seconds(120)) == "2 min")
    }
}
