import ArgumentParser
import Customer360
import MachineLearning

/// `s360 train topup|churn`: trains a model on generated data, prints held-out metrics and
/// saves the fitted pipeline as a Stream360 model directory.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the top-up (XGBoost trees) or churn (logistic regression) model and print its metrics.",
        discussion: """
            topup: DATA is a directory made by gen_topup.py (customer/, bureau/); customers are joined \
            with per-ID bureau aggregates, split 80/20 at random (--seed), and fitted with the Spark \
            model's feature stages and XGBoost trees. churn: DATA is a directory made by gen_c360.py \
            (clickstream/, crm/); users with user_id % 5 == 0 are held out. The model directory \
            written to OUT is read back by --model in `s360 topup` and by PipelineModel.load.
            """)

    /// The model to train.
    enum Model: String, ExpressibleByArgument, CaseIterable {
        case topup, churn
    }

    @Argument(help: "topup | churn")
    var model: Model

    @Option(help: "The generated data directory.")
    var data: String

    @Option(help: "Directory to save the fitted pipeline to.")
    var out: String

    @Option(help: "topup: the random split's seed.")
    var seed: UInt64 = 42

    @Option(help: "topup: boosting rounds.")
    var rounds: Int = 20

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let report: TrainingReport
        switch model {
        case .topup:
            report = try TopUpTraining.train(dataDirectory: data, seed: seed, pipeline: TopUpTraining.pipeline(rounds: rounds))
        case .churn:
            report = try ChurnTraining.train(dataDirectory: data)
        }
        try report.model.save(directory: out)
        for line in report.lines { print(line) }
        print("model saved to \(out) (\(report.model.stages.count) stages) in \(started.duration(to: clock.now))")
    }
}
