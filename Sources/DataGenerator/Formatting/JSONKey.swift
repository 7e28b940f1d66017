/// An object key encoded once: the quoted, escaped name followed by `:`.
///
/// The generators write the same few dozen keys millions of times; encoding each once at
/// start-up keeps the hot loop to plain byte copies.
public struct JSONKey: Sendable {
    /// `"name":` as UTF-8.
    public let encoded: [UInt8]
    /// The key as written in the data.
    public let name: String

    /// The key `name`.
    public init(_ name: String) {
        self.name = name
        var bytes: [UInt8] = []
        JSONObjectWriter.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        encoded = bytes
    }
}
