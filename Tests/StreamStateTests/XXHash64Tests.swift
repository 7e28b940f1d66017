import Testing
@testable import StreamState

@Suite struct XXHash64Tests {
    /// xxHash's own sanity buffer: bytes from a PRIME32-seeded multiplicative generator (xxhsum).
    static let sanityBuffer: [UInt8] = {
        var generator: UInt64 = 2_654_435_761
        return (0..<256).map { _ in
            defer { generator &*= 11_400_714_785_074_694_797 }
            return UInt8(generator >> 56)
        }
    }()

    /// XXH64 of `sanityBuffer[0..<n]`, seed 42, for n in 0...67, 100, 222: every tail shape
    /// (0-7 bytes after words, with and without the 4-byte step, with and without stripes).
    /// Computed with the reference implementation (python `xxhash` 4.1 over libxxhash 0.8.4).
    static let seed42Lengths = Array(0...67) + [100, 222]
    static let seed42Vectors: [UInt64] = [
        0x98B1582B0977E704, 0x83A7B47F8D92D727, 0x2804E4FEBB364A31, 0x6CE8EEF574CDC1B7,
        0x27D4E436E915D2BA, 0xE4C5147200A017F4, 0xF247D881AB92376A, 0xCE6B9CA4DAC01192,
        0x347C2DA05E81F5FC, 0xD1A6F3EFD0E14E81, 0x2F14456325FBF2F9, 0x1B78370736974815,
        0xB18A96995DB69A9E, 0x7FE47340059CEE2D, 0xD6B2664234C14556, 0x7017EBF63D5F9B55,
        0xCBA48D3E6492F81B, 0xE2A449CFBE726C05, 0x270BF4D1471438EE, 0x827D38FBC1D260A7,
        0x3A7CA69EB2BC3477, 0x3A9A36872DBD1F88, 0x99454F29BD43EE46, 0xD38276B04F07ACAC,
        0x9C3609167B1E139B, 0x5F62E9D89838795E, 0xFF95DC671CDF35CC, 0x9428E0C8EE871BFE,
        0x13B6188D259754A2, 0x5E40CFC63945BDF7, 0xF3DA05EEA2612F3D, 0xA800C64DC123236A,
        0xDACD33F0BACDFCBE, 0x56E06FEFADF69633, 0x82BE922E5F9D678E, 0xF3FBA055A5AE41D7,
        0x3ED4ED44042FD104, 0x2A045AB8BAFFBB54, 0xAB252C066FCBA53B, 0x84D9A5D6AB0E2BC9,
        0x4DC63A30F06AF143, 0x406BA00D086D7B32, 0x555A872B70597738, 0xAB1CE5C89AB26420,
        0x9A2D203AD2F1A015, 0x7535B53E472B7BBD, 0x4AC1F121D20D368A, 0x99F5D3C3BF742292,
        0xD917C5E1A506A779, 0xA8872504CDE24E1D, 0x1A97D0F5E67E9456, 0x4FFE6D7035E0575C,
        0xB4E8FED92A09C3B5, 0x7CB1F831900FDAFD, 0x1D2650110BED4F1E, 0x454B299CB4A5B9EC,
        0x741BBC4E66692C60, 0x31A54E76501A9FE6, 0xB59E4BC5545841C3, 0x3E9AADD6135D03F0,
        0xF47D29149230B8BF, 0x569AC387FED5B1B0, 0x2EF882805C493581, 0xE34A4E15D2F10C33,
        0x8CDCE5367A7317C2, 0x84AE869A5FEAC329, 0x38C99CF36BA48580, 0x294036462EBD7611,
        0x49811F88877CCB70, 0xF1D340AD87791D2A,
    ]

    @Test func publishedVectorsOfTheReferenceImplementation() {
        #expect(XXHash64.hashBytes([UInt8](), seed: 0) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hashBytes(Array("a".utf8), seed: 0) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hashBytes(Array("abc".utf8), seed: 0) == 0x44BC_2CF5_AD77_0999)
        let prime32: UInt64 = 2_654_435_761
        let buffer = Self.sanityBuffer
        #expect(XXHash64.hashBytes(Array(buffer[..<1]), seed: 0) == 0xE934_A84A_DB05_2768)
        #expect(XXHash64.hashBytes(Array(buffer[..<1]), seed: prime32) == 0x5014_6076_43A9_B4C3)
        #expect(XXHash64.hashBytes(Array(buffer[..<4]), seed: 0) == 0x9136_A0DC_A574_57EE)
        #expect(XXHash64.hashBytes(Array(buffer[..<14]), seed: 0) == 0x8282_DCC4_994E_35C8)
        #expect(XXHash64.hashBytes(Array(buffer[..<14]), seed: prime32) == 0xC3BD_6BF6_3DEB_6DF0)
        #expect(XXHash64.hashBytes(Array(buffer[..<222]), seed: 0) == 0xB641_AE8C_B691_C174)
        #expect(XXHash64.hashBytes(Array(buffer[..<222]), seed: prime32) == 0x20CB_8AB7_AE10_C14A)
    }

    @Test func everyLengthMatchesTheReferenceWithSparksSeed() {
        for (length, expected) in zip(Self.seed42Lengths, Self.seed42Vectors) {
            #expect(XXHash64.hashBytes(Array(Self.sanityBuffer[..<length])) == expected, "length \(length)")
        }
    }

    /// Values Spark's documentation shows for `xxhash64` (seed 42; each argument's hash seeds the next).
    @Test func sparkDocumentedXXHash64Values() {
        let spark = XXHash64.hashBytes(Array("Spark".utf8))
        let chained = XXHash64.hashInt(2, seed: XXHash64.hashInt(123, seed: spark))
        #expect(Int64(bitPattern: chained) == 5_602_566_077_635_097_486)
        let abc = XXHash64.hashBytes(Array("ABC".utf8))
        #expect(Int64(bitPattern: abc) == 4_105_715_581_806_190_027)
        #expect(Int64(bitPattern: XXHash64.hashBytes(Array("DEF".utf8), seed: abc)) == 3_233_247_871_021_311_208)
    }

    @Test func intAndLongHashesEqualHashesOfTheirLittleEndianBytes() {
        let ints: [Int32] = [0, 1, -1, 123, .min, .max, 0x1234_5678]
        for value in ints {
            let bytes = withUnsafeBytes(of: value.littleEndian) { Array($0) }
            #expect(XXHash64.hashInt(value, seed: 7) == XXHash64.hashBytes(bytes, seed: 7))
        }
        let longs: [Int64] = [0, 1, -1, .min, .max, 1_704_067_200_000_000, -86_400_000_000]
        for value in longs {
            let bytes = withUnsafeBytes(of: value.littleEndian) { Array($0) }
            #expect(XXHash64.hashLong(value) == XXHash64.hashBytes(bytes))
        }
    }

    @Test func pointerFormsAgree() {
        let text = "DISBURSED-AMT/HIGH CREDIT, with ünïcödé"
        let bytes = Array(text.utf8)
        let viaTyped = bytes.withUnsafeBufferPointer { XXHash64.hashBytes($0) }
        let viaRaw = bytes.withUnsafeBytes { XXHash64.hashBytes($0) }
        #expect(viaTyped == viaRaw)
        #expect(viaTyped == XXHash64.hashBytes(bytes))
        #expect(viaTyped != XXHash64.hashBytes(bytes, seed: 0))
    }
}
