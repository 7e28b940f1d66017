import Connectors
import Customer360
import Foundation
import Testing

/// An input directory named on the command line is checked before the query starts: a missing
/// path or a file is an error naming it, an empty directory (or one without data files) a warning.
@Suite struct SourceLocationTests {
    @Test func aMissingDirectoryIsAnErrorThatNamesItAndSaysItDoesNotExist() throws {
        let missing = "/tmp/s360-no-such-input-\(UUID().uuidString)"
        do {
            _ = try SourceLocation.open(missing)
            Issue.record("a missing input directory must be refused")
        } catch {
            #expect("\(error)".contains(missing))
            #expect("\(error)".contains("does not exist"))
        }
    }

    @Test func aFileWhereADirectoryBelongsIsAnErrorThatSaysWhatToGive() throws {
        let dir = try FixturePaths.temporaryDirectory("source-file")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("part-0.jsonl")
        try Data("[]\n".utf8).write(to: file)
        #expect(throws: (any Error).self) { try SourceLocation.check(file.path) }
        do { _ = try SourceLocation.check(file.path) } catch {
            #expect("\(error)".contains("not a directory"))
            #expect("\(error)".contains(dir.path), "says which directory to give instead")
        }
    }

    @Test func anEmptyDirectoryOrOneWithoutDataFilesIsWarnedAbout() throws {
        let dir = try FixturePaths.temporaryDirectory("source-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        var warnings: [String] = []
        _ = try SourceLocation.open(dir.path, warn: { warnings.append($0) })
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(dir.path) == true)
        #expect(warnings.first?.contains("no data files") == true)

        try Data("x\n".utf8).write(to: dir.appendingPathComponent("_SUCCESS"))
        try Data("x\n".utf8).write(to: dir.appendingPathComponent(".hidden"))
        #expect(try SourceLocation.check(dir.path)?.contains("no data files") == true, "only skipped names")

        try Data("[]\n".utf8).write(to: dir.appendingPathComponent("part-0.jsonl"))
        warnings = []
        _ = try SourceLocation.open(dir.path, warn: { warnings.append($0) })
        #expect(warnings.isEmpty)
    }

    @Test func kafkaLocationsAreCheckedForShapeOnly() throws {
        #expect(try SourceLocation.check("kafka://127.0.0.1:9092/customer_data") == nil)
        #expect(throws: ConnectorError.self) { try SourceLocation.check("kafka://127.0.0.1:9092") }
    }
}
