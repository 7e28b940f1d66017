public import Connectors

/// Opens a source named on the command line: a directory of text files today;
/// `kafka://HOST:PORT/TOPIC` is reserved for the Kafka connector.
public enum SourceLocation {
    public static func open(_ location: String) throws(ConnectorError) -> any StreamSource {
        if location.hasPrefix("kafka://") {
            throw .unsupportedLocation(location)
        }
        let path = location.hasPrefix("file://") ? String(location.dropFirst("file://".count)) : location
        return try TextFileSource(directory: path)
    }
}
