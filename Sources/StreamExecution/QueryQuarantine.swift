public import JSONIngest

/// What a query keeps in memory of its malformed messages: the exact number over its life and
/// the latest ``StreamingQueryConfiguration/quarantineRetained`` messages.
///
/// Every message also goes to the quarantine directory when the query has one, so memory holds
/// only a recent sample to look at; a stream of garbage cannot grow it.
public struct QueryQuarantine: Sendable {
    private var store: Quarantine

    init(retained: Int) {
        store = Quarantine(limit: retained, retention: .latest)
    }

    /// How many messages the query quarantined since it started, all of them counted.
    public var count: Int { store.count }
    /// The latest messages, oldest first (at most ``limit``).
    public var messages: [QuarantinedMessage] { store.messages }
    /// How many messages are kept at most.
    public var limit: Int { store.limit }
    public var isEmpty: Bool { store.isEmpty }

    mutating func append(contentsOf messages: [QuarantinedMessage]) {
        store.append(contentsOf: messages)
    }
}
