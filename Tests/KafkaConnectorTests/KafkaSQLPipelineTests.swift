import Columnar
import Connectors
import Customer360
import Foundation
import KafkaConnector
import StreamExecution
import StreamSQL
import Testing

private typealias Support = KafkaConnectorTestSupport

/// A pipeline file over Kafka (`s360 run`'s `kafka` source and sink) on the mock cluster:
/// JSON messages in, a filtered projection out, each row written as a JSON document.
@Suite struct KafkaSQLPipelineTests {
    @Test func aKafkaSourceFeedsAKafkaSinkThroughSQL() async throws {
        let cluster = try Support.cluster(["clicks": 2, "slow": 1])
        try Support.produce(cluster, topic: "clicks", [
            #"{"user_id": 1, "url": "/a", "ms": "120"}"#,
            #"[{"user_id": 2, "url": "/b", "ms": "900"}, {"user_id": 3, "url": "/c", "ms": "n/a"}]"#,
            #"{"user_id": 4, "url": "/d", "ms": "1500"}"#,
        ])
        let file = """
            CREATE TABLE clicks (user_id INT, url STRING, ms STRING)
              USING kafka OPTIONS (bootstrap '${BROKERS}', topic 'clicks', maxOffsetsPerTrigger '2');
            CREATE TABLE slow USING kafka OPTIONS (bootstrap '${BROKERS}', topic 'slow');
            INSERT INTO slow SELECT user_id, url, CAST(ms AS INT) AS ms FROM clicks WHERE CAST(ms AS INT) >= 500;
            """
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("s360-kafka-sql-\(UUID().uuidString)").path
        let program = try SQLProgram(file, variables: ["BROKERS": cluster.bootstrapServers])
        let results = try await SQLPipeline(program: program, name: "kafka.sql", trigger: .availableNow, checkpointDirectory: root) { _ in }
            .prepare().run()
        #expect(results.map(\.rows) == [2])
        let source = try Support.source(cluster, .topics(["slow"]))
        let values = try Support.drain(source, limit: .all).flatMap { try Support.values($0.rows) }
        #expect(values.sorted() == [#"{"user_id":2,"url":"/b","ms":900}"#, #"{"user_id":4,"url":"/d","ms":1500}"#])
    }
}
