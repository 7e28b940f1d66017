import Customer360
import Foundation

extension DemoConfiguration {
    /// The demo over the shared fixtures in `directory`, as fast as the tests run it: producers
    /// unpaced, a 200 ms trigger, stopping 3 s after the producers finish (at most 240 s).
    static func fastFixtures(in directory: URL) -> DemoConfiguration {
        var configuration = DemoConfiguration.fixtures(at: FixturePaths.shared.appendingPathComponent("fixtures").path)
        configuration.directory = directory.path
        configuration.recordsPerSecond = nil
        configuration.triggerInterval = .milliseconds(200)
        configuration.quietPeriod = .seconds(3)
        configuration.maxDuration = .seconds(240)
        return configuration
    }
}
