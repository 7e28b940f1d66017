import Foundation
import Testing

/// Kills `s360 topup --checkpoint --out` with SIGKILL at several moments and restarts it: the
/// Parquet output read back through its manifest equals an uninterrupted run's.
@Suite(.serialized) struct ProcessCrashTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")
    let binary = FixturePaths.repositoryRoot.appendingPathComponent(".build/debug/s360").path

    @Test func sigkillAtRandomMomentsThenRestartLosesAndDoublesNothing() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build s360 first (make test does)")
        let work = try FixturePaths.temporaryDirectory("sigkill")
        defer { try? FileManager.default.removeItem(at: work) }

        let reference = try runToCompletion(work.appendingPathComponent("reference"), killAfter: [])
        #expect(reference.kills == 0)
        // Moments spread over the run (seconds after start), fixed so the test is repeatable.
        let crashed = try runToCompletion(work.appendingPathComponent("crashed"), killAfter: [0.4, 1.1, 1.9, 2.6, 3.4, 4.3])
        #expect(crashed.kills > 0, "no kill landed before the run finished; the moments are too late")

        let expected = try readDataset(reference.out.appendingPathComponent("cust_bureau"))
        let actual = try readDataset(crashed.out.appendingPathComponent("cust_bureau"))
        #expect(expected.count == 1527)
        #expect(actual == expected, "after \(crashed.kills) SIGKILLs: \(actual.count) rows vs \(expected.count)")
    }

    /// Runs the pipeline, killing it after each delay in turn, then lets it finish.
    private func runToCompletion(_ dir: URL, killAfter delays: [Double]) throws -> (out: URL, kills: Int) {
        let out = dir.appendingPathComponent("out")
        var kills = 0
        for delay in delays + [-1] {  // -1: the last run is left to finish
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
                "topup", "--customer", input.appendingPathComponent("customer").path,
                "--bureau", input.appendingPathComponent("bureau").path, "--max-files-per-trigger", "1",
                "--dump", dir.appendingPathComponent("dump").path, "--out", out.path,
                "--checkpoint", dir.appendingPathComponent("checkpoint").path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if delay >= 0 {
                Thread.sleep(forTimeInterval: delay)
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                }
            }
            process.waitUntilExit()
            if delay < 0 {
                #expect(process.terminationStatus == 0, "the final run failed")
            }
        }
        return (out, kills)
    }

    private func readDataset(_ path: URL) throws -> [String] {
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.shared.appendingPathComponent("tools/read_parquet_dataset.py").path, path.path,
        ])
        try #require(status == 0, "read_parquet_dataset.py failed: \(output.prefix(500))")
        return output.split(separator: "\n").map(String.init).sorted()
    }
}
