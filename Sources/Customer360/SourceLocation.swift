public import Connectors
import KafkaConnector

/// Opens a source named on the command line: a directory of text files (optionally `file://DIR`),
/// or Kafka topics as `kafka://HOST:PORT[,HOST:PORT…]/TOPIC[,TOPIC…]`.
///
/// Kafka sources start at the earliest offsets. With `boundedAtStart` (available-now and once
/// triggers) they stop at the ends the topics had when the query planned its first batch.
public enum SourceLocation {
    /// Opens `location`; Kafka locations are checked here, the broker is contacted by the first batch.
    public static func open(_ location: String, boundedAtStart: Bool = true) throws -> any StreamSource {
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
