public import Connectors
import KafkaConnector

/// Opens a source named on the command line: a directory of text files (optionally `file://DIR`),
/// or Kafka topics as `kafka://HOST:PORT[,HOST:PORT…]/TOPIC[,TOPIC…]`.
///
/// Kafka sources start at the earliest offsets. With `boundedAtStart` (available-now and once
/// triggers) they stop at the ends the topics had when the query planned its first batch.
public enum SourceLocation {
    /// Opens `location`; Kafka locations are checked here, the broker is contacted by the first batch.
    ///
    /// A directory is checked first (``check(_:)``): a missing path or a file is an error naming
    /// it, and a directory without data files is reported to `warn` (it may be filled later, under
    /// a processing-time trigger, so it is not an error).
    public static func open(_ location: String, boundedAtStart: Bool = true, warn: (String) -> Void = { _ in }) throws -> any StreamSource {
        if let warning = try check(location) { warn(warning) }
        if location.hasPrefix("kafka://") {
            let (servers, topics) = try kafkaTopics(location)
            var configuration = KafkaSourceConfiguration(bootstrapServers: servers, subscription: .topics(topics))
            configuration.startingOffsets = .earliest
            configuration.boundedAtStart = boundedAtStart
            return try KafkaSource(configuration: configuration)
        }
        let path = location.hasPrefix("file://") ? String(location.dropFirst("file://".count)) : location
        return try TextFileSource(directory: path)
    }

    /// Checks `location` before a query reads it: a Kafka location's shape, or that a directory
    /// exists. Returns a warning for a directory that holds no data files (names starting with
    /// `.` or `_` are skipped, as Spark skips them), nil when there is nothing to say.
    /// - Throws: ``ConnectorError/unreadableLocation(_:reason:)`` naming the path and what to give instead.
    public static func check(_ location: String) throws(ConnectorError) -> String? {
        if location.hasPrefix("kafka://") {
            _ = try kafkaTopics(location)
            return nil
        }
        let path = location.hasPrefix("file://") ? String(location.dropFirst("file://".count)) : location
        guard FileSystem.exists(path) else {
            throw .unreadableLocation(path, reason: "the directory does not exist; check the path "
                + "(an input is a directory of text files, or kafka://HOST:PORT[,HOST:PORT...]/TOPIC)")
        }
        guard FileSystem.isDirectory(path) else {
            let parent = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            throw .unreadableLocation(path, reason: "it is a file, not a directory: give the directory that holds the data files (\(parent.isEmpty ? "/" : parent)?)")
        }
        if try FileSystem.listDataFiles(path).isEmpty {
            return "warning: input directory \(path) holds no data files yet (names starting with . or _ are skipped); "
                + "check the path: an available-now run reads nothing from it"
        }
        return nil
    }

    /// Splits `kafka://HOST:PORT[,HOST:PORT…]/TOPIC[,TOPIC…]` into its bootstrap servers and topics.
    public static func kafkaTopics(_ location: String) throws(ConnectorError) -> (servers: String, topics: [String]) {
        let usage = "expected kafka://HOST:PORT[,HOST:PORT...]/TOPIC"
        guard location.hasPrefix("kafka://") else { throw .unreadableLocation(location, reason: usage) }
        let rest = location.dropFirst("kafka://".count)
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else {
            throw .unreadableLocation(location, reason: usage)
        }
        let topics = rest[rest.index(after: slash)...].split(separator: ",").map(String.init)
        guard !topics.isEmpty else { throw .unreadableLocation(location, reason: usage) }
        return (String(rest[..<slash]), topics)
    }
}
