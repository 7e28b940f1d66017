import Foundation
import Testing

/// Runs the independent Kafka clients the interoperability tests compare against (kcat, kafka-python).
///
/// A missing tool is a test failure with a message saying how to install it: these tests must
/// never pass by skipping. `make test` (scripts/install-deps.sh) installs both.
enum ExternalTool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Finds `name` on PATH.
    static func path(of name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The kcat executable, or a recorded failure naming the fix.
    static func kcat() throws -> String {
        try #require(path(of: "kcat"), "kcat is not installed: run `make deps` (apt-get install kcat)")
    }

    /// The python3 executable with kafka-python importable, or a recorded failure naming the fix.
    static func kafkaPython() async throws -> String {
        let python = try #require(path(of: "python3"), "python3 is not installed")
        let probe = try await run(python, ["-c", "import kafka; print(kafka.__version__)"])
        try #require(
            probe.status == 0,
            "kafka-python is not importable (\(probe.stderr.suffix(200))): run `make deps` (pip install 'kafka-python==2.3.*')")
        return python
    }

    /// Runs a program under `timeout` (coreutils) so a hung client fails the test instead of hanging it.
    ///
    /// Output goes to temporary files and the wait is a termination handler, so no thread of
    /// Swift's cooperative pool blocks while the tool runs.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, limitSeconds: Int = 30) async throws -> Output {
        let files = FileManager.default
        let base = files.temporaryDirectory.appendingPathComponent("s360-tool-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out")
        let errURL = base.appendingPathExtension("err")
        _ = files.createFile(atPath: outURL.path, contents: nil)
        _ = files.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? files.removeItem(at: outURL)
            try? files.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [String(limitSeconds), executable] + arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        return Output(
            status: status,
            stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}
