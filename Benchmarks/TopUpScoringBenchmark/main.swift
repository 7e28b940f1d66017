// Rows per second scored by a top-up model, in release:
//   swift run -c release TopUpScoringBenchmark MODEL_DIR DATA_DIR
// MODEL_DIR: a Stream360 model (`s360 train topup --out`) or a Spark one; DATA_DIR: made by gen_topup.py.
// Scores the labelled training table through the whole pipeline, and the model's feature matrix
// through XGBoost alone; then, when python3 can import xgboost, times Python's predict on the
// same model and matrix in the same run.
import Columnar
import Customer360
import Foundation
import MachineLearning
import XGBoost

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: TopUpScoringBenchmark MODEL_DIR DATA_DIR")
    exit(2)
}
let modelDirectory = arguments[1]
let table = try TopUpTraining.table(dataDirectory: arguments[2])
let model = try PipelineModel.load(directory: modelDirectory)
let clock = ContinuousClock()

func rate(_ rows: Int, _ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()  // warm-up
    let started = clock.now
    for _ in 0..<repetitions { try body() }
    let elapsed = started.duration(to: clock.now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Double(rows * repetitions) / seconds
}

func report(_ name: String, _ rowsPerSecond: Double) {
    print(name.padding(toLength: 62, withPad: " ", startingAt: 0) + String(format: "%12.0f rows/s", rowsPerSecond))
}

print("top-up scoring: \(table.rowCount) rows, model \(modelDirectory) (\(model.stages.count) stages)")
for batchSize in [table.rowCount, 1_000, 100] {
    let batches = stride(from: 0, to: table.rowCount, by: batchSize).map { start in
        table.take(Array(start..<min(start + batchSize, table.rowCount)))
    }
    report("pipeline.transform, batches of \(batchSize)", try rate(table.rowCount, 3) {
        for batch in batches { _ = try model.transform(batch) }
    })
}

// The model alone, on its feature matrix.
var featureStages = model.stages
let last = featureStages.removeLast()
let features = try PipelineModel(stages: featureStages).transform(table)
let featureColumn = try features.column("features")
// The assembler writes one dense row-major buffer: the matrix XGBoost reads.
guard case .list(let offsets, let elements) = featureColumn.storage, case .float64(let matrix) = elements.storage,
      offsets.count > 1 else {
    print("the features column is not a dense vector column")
    exit(1)
}
let width = Int(offsets[1] - offsets[0])
report("model stage alone (\(type(of: last))), one batch", try rate(table.rowCount, 5) { _ = try last.transform(features) })
if let boosted = last as? XGBoostClassificationModel {
    report("Booster.predict (Swift → XGBoost C), one call", try rate(table.rowCount, 5) {
        _ = try boosted.booster.predict(matrix, rows: table.rowCount, columns: width)
    })
    report("Booster.predict, one call per row", try rate(2_000, 1) {
        for row in 0..<2_000 {
            _ = try boosted.booster.predict(Array(matrix[row * width..<(row + 1) * width]), rows: 1, columns: width)
        }
    })
    // Python's xgboost on the same model and matrix.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("topup-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    try boosted.booster.save(to: scratch.appendingPathComponent("model.json").path)
    try matrix.withUnsafeBytes { try Data($0).write(to: scratch.appendingPathComponent("x.f64")) }
    let script = """
        import sys, time, numpy as np, xgboost as xgb
        d, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        x = np.fromfile(d + '/x.f64', dtype='<f8').reshape(rows, cols)
        b = xgb.Booster(model_file=d + '/model.json'); b.set_param({'nthread': 1})
        def rate(f, reps, n):
            f(); t = time.perf_counter()
            for _ in range(reps): f()
            return n * reps / (time.perf_counter() - t)
        print('python xgboost %s inplace_predict, one call' % xgb.__version__, rate(lambda: b.inplace_predict(x), 5, rows))
        print('python xgboost %s DMatrix + predict, one call' % xgb.__version__, rate(lambda: b.predict(xgb.DMatrix(x, missing=np.nan, nthread=1)), 5, rows))
        print('python xgboost %s inplace_predict, one call per row' % xgb.__version__, rate(lambda: [b.inplace_predict(x[i:i+1]) for i in range(2000)], 1, 2000))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, scratch.path, String(table.rowCount), String(width)]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus != 0 { print("python3 with xgboost not available: skipped the comparison") }
    for line in output.split(separator: "\n") {
        guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
        report(String(line[..<space]), value)
    }
}
