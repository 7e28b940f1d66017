/// Errors raised by state and sketches: bad configuration, incompatible merges, corrupt checkpoints.
///
/// Why one enum: the runner maps every state failure to a domain (user, data, internal) by case,
/// and each case carries what a person needs to find the cause without a debugger.
public enum StreamStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A relative standard deviation maps to a HyperLogLog++ precision this build has no bias data for.
    case unsupportedRelativeSD(Double, precision: Int, supported: ClosedRange<Int>)
    /// A precision (number of index bits) outside the supported range.
    case unsupportedPrecision(Int, supported: ClosedRange<Int>)
    /// Two sketches of different precision cannot be merged register by register.
    case precisionMismatch(expected: Int, actual: Int)
    /// Serialized sketch bytes end before the format says they should.
    case truncatedSketch(expectedBytes: Int, actualBytes: Int)
    /// Serialized sketch bytes go on after the format says they end.
    case trailingSketchBytes(expectedBytes: Int, actualBytes: Int)
    /// Serialized sketch bytes do not start with the sketch magic; shows the first bytes found.
    case badSketchMagic(found: [UInt8])
    /// The sketch was written by a newer format version than this build reads.
    case unsupportedSketchVersion(UInt8, supported: UInt8)
    /// The register encoding byte names no known encoding.
    case unknownSketchEncoding(UInt8)
    /// The checksum over the sketch bytes does not match: the bytes were damaged.
    case sketchChecksumMismatch(stored: UInt64, computed: UInt64)
    /// A register holds a value no 64-bit hash can produce at this precision.
    case invalidSketchRegister(index: Int, value: UInt8, maximum: UInt8)
    /// A sparse register list is out of order, repeats an index or points past the last register.
    case invalidSparseEntry(position: Int, index: Int, registerCount: Int)

    public var description: String {
        switch self {
        case .unsupportedRelativeSD(let rsd, let precision, let supported):
            "relative standard deviation \(rsd) needs HyperLogLog++ precision \(precision), "
                + "but only \(supported.lowerBound)...\(supported.upperBound) are supported; "
                + "choose a relativeSD between \(HyperLogLogPlusPlus.relativeSD(forPrecision: supported.upperBound)) and 0.39"
        case .unsupportedPrecision(let precision, let supported):
            "HyperLogLog++ precision \(precision) is outside \(supported.lowerBound)...\(supported.upperBound)"
        case .precisionMismatch(let expected, let actual):
            "cannot merge a HyperLogLog++ sketch of precision \(actual) into one of precision \(expected); "
                + "both sides must be built with the same relativeSD"
        case .truncatedSketch(let expected, let actual):
            "sketch checkpoint is truncated: \(actual) bytes where the header announces \(expected); "
                + "the state file was cut short, restore it from an older checkpoint version"
        case .trailingSketchBytes(let expected, let actual):
            "sketch checkpoint has \(actual) bytes where the header announces \(expected); "
                + "the state file holds extra data and was not written by this format"
        case .badSketchMagic(let found):
            "bytes are not a HyperLogLog++ sketch: they start with \(found.map { String($0, radix: 16) }) instead of \"HLL+\""
        case .unsupportedSketchVersion(let version, let supported):
            "sketch format version \(version) is newer than the supported version \(supported); upgrade Stream360 to read this checkpoint"
        case .unknownSketchEncoding(let encoding):
            "sketch register encoding \(encoding) is unknown (0 dense, 1 sparse); the checkpoint is corrupt"
        case .sketchChecksumMismatch(let stored, let computed):
            "sketch checksum mismatch: stored \(String(stored, radix: 16)), computed \(String(computed, radix: 16)); "
                + "the checkpoint bytes were damaged"
        case .invalidSketchRegister(let index, let value, let maximum):
            "sketch register \(index) holds \(value), above the largest possible value \(maximum); the checkpoint is corrupt"
        case .invalidSparseEntry(let position, let index, let registerCount):
            "sparse sketch entry \(position) names register \(index), which is out of order or not below \(registerCount); "
                + "the checkpoint is corrupt"
        }
    }
}
