import ArgumentParser
import Checkpointing
import Connectors
import DataGenerator
import Foundation
import Parquet
import Testing
@testable import s360

/// Errors that reach the command line say what failed in words: no errno number, no Swift type name.
@Suite struct ErrorMessageTests {
    @Test func systemCallFailuresShowTheirTextNotTheirNumber() {
        let messages = [
            ConnectorError.io(path: "/data/in", operation: "open", errno: ENOENT).description,
            CheckpointError.io(path: "/ck/offsets/3", operation: "create", errno: EACCES).description,
            ParquetError.io(path: "/out/part-0.parquet", operation: "open", errno: ENOENT).description,
            GeneratorError.io(path: "/gen/part-0.jsonl", operation: "create", errno: ENOSPC).description,
        ]
        for message in messages {
            #expect(!message.contains("errno"), "\(message)")
            #expect(message.contains("/"), "names the path: \(message)")
            #expect(message.contains("check"), "says what to check: \(message)")
        }
        #expect(messages[0].contains("No such file or directory"))
        #expect(messages[1].contains("Permission denied"))
        #expect(messages[3].contains("No space left on device"))
    }

    @Test func foundationAndLibraryErrorsAreTranslated() {
        let cocoa = UserFacingError.message(for: CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/etc/nope.json"]))
        #expect(cocoa?.contains("/etc/nope.json") == true)
        #expect(cocoa?.contains("NSCocoaErrorDomain") == false, "\(cocoa ?? "")")

        struct LibraryIOError: Error, CustomStringConvertible {  // the shape of SwiftNIO's IOError
            let errnoCode: Int32 = ECONNREFUSED
            var description: String { "connect(descriptor:addr:size:): Connection refused (errno: 111)" }
        }
        let library = UserFacingError.message(for: LibraryIOError())
        #expect(library == "connect(descriptor:addr:size:): Connection refused", "\(library ?? "")")

        let decoding = UserFacingError.message(for: DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad")))
        #expect(decoding?.contains("DecodingError") == false)
        #expect(UserFacingError.message(for: ExitCode.failure) == nil, "ArgumentParser reports its own errors")
    }

    @Test func aPortalThatCannotListenNamesThePortAndWhatToDo() {
        let message = PortalListenError(host: "127.0.0.1", port: 8360, errno: EADDRINUSE).description
        #expect(message.contains("127.0.0.1:8360"))
        #expect(message.contains("port 8360 is already in use"))
        #expect(message.contains("--port"))
    }
}
