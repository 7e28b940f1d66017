import Connectors
import Foundation
import MachineLearning

/// Makes what the demo streams and scores with, unless the settings name it: a streaming data set,
/// a separate training data set (another seed), and the two models trained on the latter.
///
/// Layout under the output directory `OUT`:
///
/// | path | what |
/// | --- | --- |
/// | `data/train/topup`, `data/train/churn` | training sets (seed ``trainingSeed``) |
/// | `data/stream/topup`, `data/stream/churn` | the sets the producers publish (seed ``streamingSeed``) |
/// | `models/topup`, `models/churn` | the trained pipelines (`PipelineModel.load` reads them) |
/// | `models/<name>.training.json` | what a model was trained on, and its held-out metrics |
///
/// Each generated set holds `_demo_stamp.json`, written last, naming the generator, customers and
/// seed. A later run with the same settings finds the stamp and reuses the set, and a model whose
/// training record names the same training set and parameters is reused with its recorded
/// metrics, so a second `make demo` skips straight to streaming. ``regenerate`` forces both.
/// An interrupted generation or training leaves no stamp or record behind, so it is redone.
public struct DemoPreparation: Sendable {
    /// The validated settings: what they name is used as it is; the rest is made here.
    public var settings: DemoSettings
    /// Writes the generated sets.
    public var writer: any DemoDataWriter
    /// Generate and train again even when earlier results match.
    public var regenerate = false
    /// The training sets' seed.
    public var trainingSeed: UInt64 = 1
    /// The streaming sets' seed (the shared fixtures' seed: the data look like them).
    public var streamingSeed: UInt64 = 7
    /// Boosting rounds of the top-up model (the Spark model's 20).
    public var topupRounds = 20
    private let log: @Sendable (String) -> Void

    /// A preparation for `settings` (already validated) writing sets with `writer`.
    public init(settings: DemoSettings, writer: any DemoDataWriter, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.settings = settings
        self.writer = writer
        self.log = log
    }

    private var output: String { settings.resolvedOutputDirectory }

    /// Generates and trains what is missing, then returns the streaming part's configuration.
    public func prepare() throws -> DemoConfiguration {
        let trainingCustomers = settings.trainingCustomers ?? DemoSettings.Defaults.trainingCustomers
        let streamingCustomers = settings.streamingCustomers ?? DemoSettings.Defaults.streamingCustomers

        let topupData = try settings.topupData ?? dataSet(.topup, role: "stream", customers: streamingCustomers, seed: streamingSeed)
        var clickstream = settings.clickstreamData
        var crm = settings.crmFile
        if clickstream == nil || crm == nil {
            let churn = try dataSet(.churn, role: "stream", customers: streamingCustomers, seed: streamingSeed)
            clickstream = churn + "/clickstream"
            crm = churn + "/crm/crm.jsonl"
        }
        let topupModel = try settings.topupModel ?? model(.topup, customers: trainingCustomers)
        let churnModel = try settings.churnModel ?? model(.churn, customers: trainingCustomers)

        var configuration = DemoConfiguration(
            topupInput: topupData, clickstreamInput: clickstream ?? "", crmFile: crm ?? "", topupModel: topupModel, churnModel: churnModel)
        configuration.apply(settings)
        return configuration
    }

    /// The two generated data sets.
    enum DataSet: String {
        case topup, churn
    }

    /// The directory of a generated set, generated unless an earlier run's matches.
    private func dataSet(_ set: DataSet, role: String, customers: Int, seed: UInt64) throws -> String {
        let directory = "\(output)/data/\(role)/\(set.rawValue)"
        // Format 2: the top-up customers share the CRM's ids (DemoDataWriter); sets of format 1 are made again.
        let stamp = "{\"format\":2,\"generator\":\"\(set.rawValue)\",\"customers\":\(customers),\"seed\":\(seed)}"
        let stampPath = directory + "/_demo_stamp.json"
        if !regenerate, (try? FileSystem.readAll(stampPath)) == Array(stamp.utf8) {
            log("data: reusing \(directory) (\(set.rawValue), \(customers) customers, seed \(seed)) from an earlier run; --regenerate makes it again")
            return directory
        }
        let started = ContinuousClock.now
        try remove(directory, step: "clearing an old data set")
        do {
            switch set {
            case .topup: try writer.writeTopUp(customers: customers, seed: seed, to: directory)
            case .churn: try writer.writeChurn(customers: customers, seed: seed, to: directory)
            }
            try FileSystem.writeAtomically(Array(stamp.utf8), to: stampPath)
        } catch {
            throw DemoError.preparationFailed(step: "generating the \(role) \(set.rawValue) data", path: directory, reason: "\(error)")
        }
        log("data: generated \(directory) (\(set.rawValue), \(customers) customers, seed \(seed)) in \(Self.seconds(since: started))")
        return directory
    }

    /// What a model's training record holds.
    struct TrainingRecord: Codable, Equatable {
        /// The training set's stamp and the training parameters.
        var trainedOn: String
        /// The metrics lines printed when it was trained.
        var metrics: [String]
    }

    /// The directory of a trained model, trained unless an earlier run's matches.
    private func model(_ set: DataSet, customers: Int) throws -> String {
        let data = try dataSet(set, role: "train", customers: customers, seed: trainingSeed)
        let directory = "\(output)/models/\(set.rawValue)"
        let recordPath = "\(output)/models/\(set.rawValue).training.json"
        let parameters = set == .topup ? "rounds \(topupRounds), randomSplit([0.8, 0.2], seed: 42)" : "user_id % 5 == 0 held out"
        let trainedOn = "\(data) (\(customers) customers, seed \(trainingSeed)); \(parameters)"
        if !regenerate, let bytes = try? FileSystem.readAll(recordPath),
           let record = try? JSONDecoder().decode(TrainingRecord.self, from: Data(bytes)),
           record.trainedOn == trainedOn, FileSystem.isDirectory(directory) {
            log("model \(set.rawValue): reusing \(directory), trained earlier on \(data); its held-out metrics:")
            for line in record.metrics { log("  \(line)") }
            return directory
        }
        log("model \(set.rawValue): training on \(data)…")
        let started = ContinuousClock.now
        do {
            try remove(recordPath, step: "clearing an old training record")
            try remove(directory, step: "clearing an old model")
            let report = switch set {
            case .topup: try TopUpTraining.train(dataDirectory: data, seed: 42, pipeline: TopUpTraining.pipeline(rounds: topupRounds))
            case .churn: try ChurnTraining.train(dataDirectory: data)
            }
            try report.model.save(directory: directory)
            let record = TrainingRecord(trainedOn: trainedOn, metrics: report.lines)
            try FileSystem.writeAtomically(Array(try JSONEncoder().encode(record)), to: recordPath)
            log("model \(set.rawValue): saved to \(directory) in \(Self.seconds(since: started)); held-out metrics:")
            for line in report.lines { log("  \(line)") }
        } catch let error as DemoError {
            throw error
        } catch {
            throw DemoError.preparationFailed(step: "training the \(set.rawValue) model", path: directory, reason: "\(error)")
        }
        return directory
    }

    private func remove(_ path: String, step: String) throws(DemoError) {
        guard FileSystem.exists(path) else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw .preparationFailed(step: step, path: path, reason: "\(error)")
        }
    }

    /// The time since `start` as people read it: `12.3 s`.
    public static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = start.duration(to: .now)
        let tenths = elapsed.components.seconds * 10 + elapsed.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
