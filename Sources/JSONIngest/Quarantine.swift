/// The malformed messages a decoder or a query met, plus an exact total count.
///
/// At most ``limit`` messages are stored, so a stream of garbage cannot exhaust memory;
/// ``count`` keeps counting past it. ``Retention`` says which ones stay: the first (a decoder,
/// drained after each micro-batch with ``removeAll()``) or the latest (a long-running query,
/// whose every message is on disk already, keeps the most recent few to look at).
public struct Quarantine: Sendable {
    /// Which messages are stored once more than ``limit`` arrived.
    public enum Retention: Sendable, Hashable {
        /// The first `limit` messages; later ones are only counted.
        case first
        /// The most recent `limit` messages; older ones are forgotten (but still counted).
        case latest
    }

    /// How many messages were quarantined, including those not stored.
    public private(set) var count = 0
    /// How many messages are stored at most.
    public let limit: Int
    public let retention: Retention
    /// Stored messages; for `.latest` a ring whose oldest entry is at `ringStart`.
    private var stored: [QuarantinedMessage] = []
    private var ringStart = 0

    public init(limit: Int = 1000, retention: Retention = .first) {
        self.limit = max(0, limit)
        self.retention = retention
    }

    /// Stored messages, oldest first (at most ``limit``).
    public var messages: [QuarantinedMessage] {
        ringStart == 0 ? stored : Array(stored[ringStart...] + stored[..<ringStart])
    }

    /// Records one message.
    public mutating func append(_ message: QuarantinedMessage) {
        count += 1
        if stored.count < limit {
            stored.append(message)
        } else if retention == .latest, limit > 0 {
            stored[ringStart] = message
            ringStart = (ringStart + 1) % limit
        }
    }

    /// Records `messages` in order.
    public mutating func append(contentsOf messages: some Sequence<QuarantinedMessage>) {
        for message in messages { append(message) }
    }

    /// Returns the stored messages and starts over (the count included).
    public mutating func removeAll() -> [QuarantinedMessage] {
        defer {
            stored = []
            ringStart = 0
            count = 0
        }
        return messages
    }

    public var isEmpty: Bool { count == 0 }
}
