public import Columnar

/// Learns a surrogate per numeric column (mean, median or mode of its present values) to
/// replace missing ones: Spark's `Imputer`.
///
/// A value is missing when it is null or equals ``missingValue`` (NaN by default); missing
/// values take no part in the statistic. The median is Spark's `approxQuantile(0.5,
/// relativeError)` (see ``ApproximateQuantile``); the mode is the most frequent value, the
/// smallest on ties. A column with no present value cannot be fitted, as in Spark.
public struct Imputer: Estimator {
    /// The statistic a surrogate is.
    public enum Strategy: String, Sendable, Hashable {
        case mean, median, mode
    }

    public let uid: String
    public var inputColumns: [String]
    public var outputColumns: [String]
    public var strategy: Strategy
    public var missingValue: Double
    /// The median's relative error (Spark's `relativeError`, default 0.001).
    public var relativeError: Double

    public init(uid: String = "Imputer", inputColumns: [String], outputColumns: [String], strategy: Strategy = .mean,
                missingValue: Double = .nan, relativeError: Double = 0.001) {
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.strategy = strategy
        self.missingValue = missingValue
        self.relativeError = relativeError
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        try fitModel(batch)
    }

    /// ``fit(_:)`` with its concrete result.
    public func fitModel(_ batch: RecordBatch) throws(MachineLearningError) -> ImputerModel {
        guard inputColumns.count == outputColumns.count, !inputColumns.isEmpty else {
            throw .invalidParameter(stage: uid, detail: "\(inputColumns.count) input columns for \(outputColumns.count) output columns")
        }
        var surrogates: [Double] = []
        for name in inputColumns {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            guard let values = column.doublesCast else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
            var present: [Double] = []
            present.reserveCapacity(values.count)
            for row in values.indices where !column.isNull(row) {
                let value = values[row]
                if value.isNaN || value == missingValue { continue }
                present.append(value)
            }
            guard !present.isEmpty else {
                throw .cannotFit(stage: uid, detail: "surrogate cannot be computed: every value of '\(name)' is null, NaN or \(missingValue)")
            }
            surrogates.append(surrogate(present))
        }
        return ImputerModel(uid: uid, inputColumns: inputColumns, outputColumns: outputColumns, surrogates: surrogates,
                            missingValue: missingValue)
    }

    private func surrogate(_ values: [Double]) -> Double {
        switch strategy {
        case .mean:
            return values.reduce(0, +) / Double(values.count)
        case .median:
            return ApproximateQuantile.query(values.sorted(), quantile: 0.5, relativeError: relativeError)
        case .mode:
            var counts: [Double: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? .nan
        }
    }
}
