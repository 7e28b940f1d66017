import Columnar
import Testing

/// Runs `parse` over the UTF-8 bytes of `text`.
func parsed<T>(_ text: String, _ parse: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    var copy = text
    return copy.withUTF8 { parse($0) }
}

@Suite struct SparkTextIntegerTests {
    @Test(arguments: [
        ("12", 12), ("  41 ", 41), ("\t7\n", 7), ("+5", 5), ("-5", -5), ("12.0", 12), ("1.9", 1),
        ("-1.9", -1), ("1.", 1), (".", 0), (".5", 0), ("0", 0), ("-0", 0), ("007", 7),
        ("2147483647", 2_147_483_647), ("-2147483648", -2_147_483_648), ("\u{01}3\u{7F}", 3),
    ] as [(String, Int32)])
    func int32Accepts(text: String, expected: Int32) {
        #expect(parsed(text, SparkText.parseInt32) == expected)
    }

    @Test(arguments: [
        "", "   ", "-", "+", "1,000", "1,20,000", "2147483648", "-2147483649", "1e3", "NA", "12a",
        "1.2.3", "1.a", "- 1", "1 2", "0x10", "\u{A0}1", "１", "99999999999",
    ])
    func int32Rejects(text: String) {
        #expect(parsed(text, SparkText.parseInt32) == nil)
    }

    @Test func int64Bounds() {
        #expect(parsed("9223372036854775807", SparkText.parseInt64) == .max)
        #expect(parsed("-9223372036854775808", SparkText.parseInt64) == .min)
        #expect(parsed("9223372036854775808", SparkText.parseInt64) == nil)
        #expect(parsed("-9223372036854775809", SparkText.parseInt64) == nil)
        #expect(parsed(" 140550.99 ", SparkText.parseInt64) == 140_550)
        #expect(parsed("2147483648", SparkText.parseInt64) == 2_147_483_648)
    }
}

@Suite struct SparkTextBooleanTests {
    @Test(arguments: ["t", "true", "TRUE", "True", "y", "Y", "yes", "YeS", "1", " true ", "\ttrue\n"])
    func trueSpellings(text: String) {
        #expect(parsed(text, SparkText.parseBoolean) == true)
    }

    @Test(arguments: ["f", "false", "FALSE", "n", "N", "no", "NO", "0", "  0 "])
    func falseSpellings(text: String) {
        #expect(parsed(text, SparkText.parseBoolean) == false)
    }

    @Test(arguments: ["", " ", "2", "-1", "yess", "tru", "on", "off", "1.0", "truee", "ye s"])
    func otherTextIsNull(text: String) {
        #expect(parsed(text, SparkText.parseBoolean) == nil)
    }
}

@Suite struct SparkTextDoubleTests {
    @Test(arguments: [
        ("1", 1.0), ("40612.0", 40612.0), ("74.11", 74.11), (" 3.5 ", 3.5), ("-0.25", -0.25), ("+2", 2),
        (".5", 0.5), ("5.", 5.0), ("1e3", 1000), ("1E-3", 0.001), ("1.5e+2", 150), ("1.5f", 1.5),
        ("2D", 2), ("0.1", 0.1), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("3.141592653589793238462643383279", 3.141592653589793), ("1e400", .infinity), ("1e-400", 0),
        ("4.9e-324", .leastNonzeroMagnitude), ("2.2250738585072014E-308", 2.2250738585072014e-308),
        ("9007199254740993", 9_007_199_254_740_992), ("0.30000000000000004", 0.30000000000000004),
        ("Infinity", .infinity), ("-Infinity", -.infinity), ("+Infinity", .infinity),
        ("inf", .infinity), ("-INF", -.infinity), ("+infinity", .infinity), ("InFiNiTy", .infinity),
        ("0x1.8p1", 3.0), ("-0X10P-1", -8.0), ("0x1p3d", 8.0), ("00012", 12), ("1_0", .nan),
    ] as [(String, Double)])
    func doubleParsesLikeJava(text: String, expected: Double) {
        let value = parsed(text, SparkText.parseDouble)
        if text == "1_0" {
            #expect(value == nil)
        } else {
            #expect(value?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func nanSpellings() {
        for text in ["NaN", "nan", "NAN", " nan ", "+NaN", "-NaN"] {
            #expect(parsed(text, SparkText.parseDouble)?.isNaN == true, "\(text)")
        }
        for text in ["-nan", "+nan", "nana"] {
            #expect(parsed(text, SparkText.parseDouble) == nil, "\(text)")
        }
    }

    @Test func negativeZeroKeepsItsSign() {
        #expect(parsed("-0", SparkText.parseDouble)?.sign == .minus)
        #expect(parsed("-0.0e5", SparkText.parseDouble)?.sign == .minus)
    }

    @Test(arguments: ["", " ", "NA", "1,000", "1.2.3", "e5", "1e", "1e+", ".", "-", "1f5", "0x10",
                      "0x1.8", "1.5 f", "1ee5", "--1", "1d d", "infinit", "1,405/Monthly"])
    func doubleRejects(text: String) {
        #expect(parsed(text, SparkText.parseDouble) == nil, "\(text)")
    }

    @Test func fastPathAgreesWithCorrectlyRoundedParser() {
        // Pseudo-random decimals across the fast path's range, compared with the standard library.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String(state >> 11)
            let exponent = Int(state % 50) - 25
            let point = Int(state >> 7 % 7) % max(1, digits.count)
            var text = digits
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            text += "e\(exponent)"
            #expect(parsed(text, SparkText.parseDouble) == Double(text), "\(text)")
        }
    }
}
