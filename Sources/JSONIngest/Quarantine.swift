/// The malformed messages a decoder met, in arrival order, plus a total count.
///
/// Only the first ``limit`` messages are stored, so a stream of garbage cannot exhaust memory;
/// ``count`` keeps counting past it. Drain it with ``removeAll()`` after each micro-batch.
public struct Quarantine: Sendable {
    /// Stored messages, oldest first (at most ``limit``).
    public private(set) var messages: [QuarantinedMessage] = []
    /// How many messages were quarantined, including those not stored.
    public private(set) var count = 0
    /// How many messages are stored at most.
    public let limit: Int

    public init(limit: Int = 1000) {
        self.limit = limit
    }

    /// Records one message.
    public mutating func append(_ message: QuarantinedMessage) {
        count += 1
        if messages.count < limit { messages.append(message) }
    }

    /// Returns the stored messages and starts over (the count included).
    public mutating func removeAll() -> [QuarantinedMessage] {
        defer {
            messages = []
            count = 0
        }
        return messages
    }

    public var isEmpty: Bool { count == 0 }
}
