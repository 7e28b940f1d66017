/// A message that could not be decoded, kept with enough context to find, read and replay it.
public struct QuarantinedMessage: Sendable, Hashable, CustomStringConvertible {
    /// The stream or source the message belongs to (the decoder's `source`, e.g. `bureau`).
    public var source: String
    /// Where the message was read from.
    public var position: SourcePosition
    /// What was wrong, with the byte offset inside the message.
    public var error: JSONIngestError
    /// The first bytes of the message (at most ``QuarantinedMessage/keptBytes``).
    public var messagePrefix: [UInt8]
    /// The full length of the message in bytes.
    public var messageLength: Int

    /// How many bytes of a message are kept: enough to recognise it, not a copy of big payloads.
    public static let keptBytes = 1024

    public init(source: String, position: SourcePosition, error: JSONIngestError, message: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.position = position
        self.error = error
        self.messagePrefix = Array(message.prefix(Self.keptBytes))
        self.messageLength = message.count
    }

    /// The byte offset of the error inside the message.
    public var errorOffset: Int { error.offset }

    public var description: String {
        "\(source) \(position): \(error) (\(messageLength) bytes)"
    }
}
