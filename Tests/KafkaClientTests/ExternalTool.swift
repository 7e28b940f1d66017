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
    static func kafkaPython() throws -> String {
        let python = try #require(path(of: "python3"), "python3 is not installed")
        let probe = try run(python, ["-c", "import kafka; print(kafka.__version__)"])
        try #require(
            probe.status == 0,
            "kafka-python is not importable (\(probe.stderr.suffix(200))): run `make deps` (pip install 'kafka-python==2.3.*')")
        return python
    }

    /// Runs a program under `timeout` (coreutils) so a hung client fails the test instead of hanging it.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, limitSeconds: Int = 30) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [String(limitSeconds), executable] + arguments
        // stderr goes to a file so neither pipe can fill up and block the child.
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("s360-tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer { try? errorHandle.close() }
        let out = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorURL)) ?? Data()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
