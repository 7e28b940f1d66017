/// Writes the synthetic data sets the demo streams and trains on.
///
/// `s360` backs it with the DataGenerator module (`s360 generate`'s generators); it is a protocol
/// only because this target does not depend on that module, and tests may pass any writer that
/// lays out the same files.
public protocol DemoDataWriter: Sendable {
    /// Writes `DIR/customer/` and `DIR/bureau/` message files for `customers` customers, whose IDs
    /// are the user ids ``writeChurn(customers:seed:to:)`` gives the same count (one set of people).
    func writeTopUp(customers: Int, seed: UInt64, to directory: String) throws
    /// Writes `DIR/clickstream/` message files and `DIR/crm/crm.jsonl` for the same `customers` users.
    func writeChurn(customers: Int, seed: UInt64, to directory: String) throws
}
