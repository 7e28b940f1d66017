// KafkaBenchmark: produce and consume throughput of 800-byte messages against the embedded broker
// (librdkafka's mock cluster, in this process), Stream360's clients and kcat in the same run.
//
//     swift run -c release KafkaBenchmark [MESSAGES] [PARTITIONS]
//
// Messages are keyed (`k<i>`) so they spread over partitions: the mock keeps only about 5 MiB per
// partition, so MESSAGES × 800 B should stay below PARTITIONS × 5 MiB (defaults: 100,000 over 32).
import Foundation
import KafkaClient
import KafkaConnector
import Connectors
import Columnar

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let count = arguments.first ?? 100_000
let partitions = arguments.dropFirst().first ?? 32
let valueBytes = 800

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func report(_ name: String, messages: Int, bytes: Int, _ duration: Duration) {
    let s = seconds(duration)
    let line = name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%9d msgs %8.3f s %11.0f msgs/s %8.1f MB/s", messages, s,
                      Double(messages) / s, Double(bytes) / s / 1e6)
    print(line)
}

func runKcat(_ arguments: [String], stdin: URL? = nil) throws -> Duration {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
    process.arguments = arguments
    if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
    process.standardOutput = FileHandle.nullDevice
    let started = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    let elapsed = started.duration(to: .now)
    guard process.terminationStatus == 0 else { throw ConnectorError.unreadableLocation("kcat", reason: "exit status \(process.terminationStatus)") }
    return elapsed
}

let cluster = try KafkaMockCluster()
for topic in ["bench-s360", "bench-kcat"] { try cluster.createTopic(topic, partitions: partitions) }
let servers = cluster.bootstrapServers
print("KafkaBenchmark: \(count) messages of \(valueBytes) bytes, \(partitions) partitions, mock broker \(servers)")
let payload = Array(repeating: UInt8(ascii: "x"), count: valueBytes)

// 1. Stream360 producer (idempotent, acks=all, linger 5 ms).
let producer = try KafkaProducer(configuration: .init(bootstrapServers: servers))
var started = ContinuousClock.now
for i in 0..<count {
    try producer.send(KafkaProducerRecord(topic: "bench-s360", key: Array("k\(i)".utf8), value: payload))
}
try producer.flush(timeout: .seconds(120))
report("Stream360 KafkaProducer", messages: count, bytes: count * valueBytes, started.duration(to: .now))

// 2. Stream360 consumer (raw messages).
let consumer = try KafkaConsumer(configuration: .init(bootstrapServers: servers))
var assignment: [KafkaTopicPartition: KafkaOffset] = [:]
for p in 0..<partitions { assignment[KafkaTopicPartition(topic: "bench-s360", partition: Int32(p))] = .beginning }
started = ContinuousClock.now
try consumer.assign(assignment)
var received = 0
while received < count {
    received += try consumer.poll(maxMessages: 10_000, timeout: .milliseconds(100)).count
}
report("Stream360 KafkaConsumer", messages: received, bytes: received * valueBytes, started.duration(to: .now))

// 3. Stream360 KafkaSource: the same messages as columnar rows (plan + read of one batch).
var configuration = KafkaSourceConfiguration(bootstrapServers: servers, subscription: .topics(["bench-s360"]))
configuration.startingOffsets = .earliest
let source = try KafkaSource(configuration: configuration)
started = ContinuousClock.now
if let end = try source.latestOffset(after: nil, limit: .all) {
    let rows = try source.read(from: nil, to: end)
    report("Stream360 KafkaSource (rows)", messages: rows.rowCount, bytes: rows.rowCount * valueBytes, started.duration(to: .now))
}

// 4. kcat producer: the same keyed messages from a file (key:value per line).
let file = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-bench-\(UUID().uuidString).txt")
var lines = [UInt8]()
lines.reserveCapacity(count * (valueBytes + 10))
for i in 0..<count {
    lines += Array("k\(i):".utf8)
    lines += payload
    lines.append(UInt8(ascii: "\n"))
}
try Data(lines).write(to: file)
defer { try? FileManager.default.removeItem(at: file) }
let kcatProduce = try runKcat(["-P", "-b", servers, "-t", "bench-kcat", "-K", ":", "-X", "enable.idempotence=true",
                               "-X", "linger.ms=5"], stdin: file)
report("kcat -P", messages: count, bytes: count * valueBytes, kcatProduce)

// 5. kcat consumer.
let kcatConsume = try runKcat(["-C", "-b", servers, "-t", "bench-kcat", "-o", "beginning", "-e", "-q", "-c", String(count)])
report("kcat -C", messages: count, bytes: count * valueBytes, kcatConsume)
