/// An error that can tell whether it is transient: whether the same call, made again a little
/// later with the same arguments, may succeed.
///
/// The query runner retries a sink's `addBatch` (with the same batch id and rows, see
/// ``StreamSink``) only for errors that conform and answer `true`: a dropped database
/// connection, a server restarting, a serialization failure. Every other error, whether it
/// conforms and answers `false` (an invalid document, a missing column) or does not conform at
/// all, fails the query at once, since writing the same rows again would fail the same way.
///
/// ```swift
/// extension MyStoreError: TransientFailure {
///     public var isTransient: Bool {
///         switch self {
///         case .connectionLost, .serverBusy: true
///         case .rejected: false
///         }
///     }
/// }
/// ```
public protocol TransientFailure: Error {
    /// Whether trying the same operation again later may succeed.
    var isTransient: Bool { get }
}
