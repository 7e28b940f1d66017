import Foundation
import Testing
@testable import Portal

/// `s360 portal --config FILE`: every key known, a typo named with the key it most likely meant.
@Suite struct PortalConfigurationFileTests {
    static func load(_ json: String) throws(PortalError) -> PortalConfiguration {
        try PortalConfiguration.parse(Array(json.utf8), path: "portal.json")
    }

    @Test func knownKeysAreRead() throws {
        let configuration = try Self.load(
            #"{"host":"0.0.0.0","port":8399,"demoDirectory":"d","token":"a-long-secret","maskPersonal":true,"refreshIntervalMs":500,"idleAfterSeconds":90}"#)
        #expect(configuration.host == "0.0.0.0" && configuration.port == 8399 && configuration.demoDirectory == "d")
        #expect(configuration.token == "a-long-secret" && configuration.maskPersonal)
        #expect(configuration.refreshInterval == .milliseconds(500) && configuration.idleAfter == .seconds(90))
        #expect(try Self.load(#"{"port":null}"#).port == 8360, "null means absent")
    }

    @Test func anUnknownKeyIsRejectedByNameWithTheNearestKnownOne() {
        #expect(throws: PortalError.unknownConfigurationKey(path: "portal.json", key: "prot", suggestion: "port")) {
            try Self.load(#"{"prot": 8399}"#)
        }
        #expect(throws: PortalError.unknownConfigurationKey(path: "portal.json", key: "demo_directory", suggestion: "demoDirectory")) {
            try Self.load(#"{"demo_directory": "x"}"#)
        }
        #expect(throws: PortalError.unknownConfigurationKey(path: "portal.json", key: "colour", suggestion: nil)) {
            try Self.load(#"{"colour": "blue"}"#)
        }
        let message = PortalError.unknownConfigurationKey(path: "portal.json", key: "prot", suggestion: "port").description
        #expect(message.contains(#"unknown key "prot""#) && message.contains(#"did you mean "port"?"#))
        #expect(message.contains("refreshIntervalMs"), "the known keys are listed")
    }

    @Test func aValueOfTheWrongTypeIsNamed() {
        #expect(throws: PortalError.self) { try Self.load(#"{"port":"8399"}"#) }
        do {
            _ = try Self.load(#"{"port":"8399"}"#)
        } catch {
            #expect(error.description.contains("port") && error.description.contains("a whole number"))
        }
        #expect(throws: PortalError.self) { try Self.load("[1]") }
        #expect(throws: PortalError.self) { try Self.load("{") }
    }

    @Test func aFileIsReadFromDisk() throws {
        let path = NSTemporaryDirectory() + "portal-\(UUID().uuidString).json"
        try Data(#"{"prot": 8399}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PortalError.unknownConfigurationKey(path: path, key: "prot", suggestion: "port")) {
            try PortalConfiguration.load(file: path)
        }
        #expect(throws: PortalError.self) { try PortalConfiguration.load(file: path + ".missing") }
    }
}
