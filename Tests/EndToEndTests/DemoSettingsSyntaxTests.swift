import Customer360
import Testing

/// `s360 demo --config FILE` reports a JSON syntax error with its line and column, and refuses a
/// trailing comma (which Foundation's decoder would accept).
@Suite struct DemoSettingsSyntaxTests {
    static func reason(_ text: String) -> String? {
        do {
            _ = try DemoSettings.parse(Array(text.utf8), path: "deploy.json")
            return nil
        } catch {
            guard case .unreadableConfigurationFile(let path, let reason) = error else { return "other: \(error)" }
            #expect(path == "deploy.json")
            return reason
        }
    }

    @Test func aTrailingCommaIsRefusedWithItsLineAndColumn() {
        let reason = Self.reason("{\n  \"maxSeconds\": 60,\n  \"recordsPerSecond\": 10,\n}\n")
        #expect(reason?.contains("line 4, column 1") == true, "\(reason ?? "accepted")")
        #expect(reason?.contains("trailing comma") == true)
        #expect(Self.reason(#"{"maxSeconds": 60, "topupModel": ["a",]}"#)?.contains("line 1, column 39") == true)
    }

    @Test func aMissingCommaOrAnUnterminatedObjectNamesWhere() {
        let missing = Self.reason("{\n  \"maxSeconds\": 60\n  \"rate\": 1}")
        #expect(missing?.contains("line 3, column 3") == true, "\(missing ?? "accepted")")
        #expect(missing?.contains("unexpected '\"'") == true)
        let unterminated = Self.reason("{\"maxSeconds\": 60")
        #expect(unterminated?.contains("line 1, column 18") == true, "\(unterminated ?? "accepted")")
        #expect(unterminated?.contains("ends before") == true)
    }

    @Test func validFilesStillParse() throws {
        let settings = try DemoSettings.parse(Array("{\"maxSeconds\": 60, \"kafkaBootstrapServers\": \"b:9092\"}\n".utf8), path: "f")
        #expect(settings.maxSeconds == 60)
        #expect(settings.kafkaBootstrapServers == "b:9092")
    }
}
