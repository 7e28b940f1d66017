public import Columnar

/// Learns the labels of string columns and maps them to indices: Spark's `StringIndexer`.
///
/// Fitting counts the non-null values of each input column (non-string inputs are read as
/// Spark's `cast(StringType)` reads them; NaN counts as null) and orders them by
/// ``StringOrderType``. With Spark's default `frequencyDesc`, the most frequent label gets
/// index 0 and **equal counts are ordered by the label, ascending** (Spark sorts with
/// `freqA == freqB ? strA < strB : freqA > freqB`, comparing Java strings by UTF-16 code
/// units), so the labels do not depend on row order. The fitted ``StringIndexerModel`` applies
/// ``handleInvalid`` to nulls and unseen labels.
public struct StringIndexer: Estimator {
    /// How labels are ordered into indices: Spark's `stringOrderType`.
    public enum StringOrderType: String, Sendable, Hashable, CaseIterable {
        case frequencyDesc, frequencyAsc, alphabetDesc, alphabetAsc
    }

    public let uid: String
    public var inputColumns: [String]
    public var outputColumns: [String]
    public var handleInvalid: HandleInvalid
    public var orderType: StringOrderType

    public init(uid: String = "StringIndexer", inputColumns: [String], outputColumns: [String],
                handleInvalid: HandleInvalid = .error, orderType: StringOrderType = .frequencyDesc) {
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumns = outputColumns
        self.handleInvalid = handleInvalid
        self.orderType = orderType
    }

    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        try fitModel(batch)
    }

    /// ``fit(_:)`` with its concrete result.
    public func fitModel(_ batch: RecordBatch) throws(MachineLearningError) -> StringIndexerModel {
        guard inputColumns.count == outputColumns.count, !inputColumns.isEmpty else {
            throw .invalidParameter(stage: uid, detail: "\(inputColumns.count) input columns for \(outputColumns.count) output columns")
        }
        var labels: [[String]] = []
        for name in inputColumns {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            labels.append(Self.order(try counts(column, name: name), by: orderType))
        }
        return StringIndexerModel(uid: uid, inputColumns: inputColumns, outputColumns: outputColumns, labels: labels,
                                  handleInvalid: handleInvalid)
    }

    /// Orders counted labels by `orderType` (ties by label, ascending, for the frequency orders).
    static func order(_ counts: [String: Int], by orderType: StringOrderType) -> [String] {
        func before(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }
        let entries = Array(counts)
        switch orderType {
        case .frequencyDesc:
            return entries.sorted { $0.value != $1.value ? $0.value > $1.value : before($0.key, $1.key) }.map(\.key)
        case .frequencyAsc:
            return entries.sorted { $0.value != $1.value ? $0.value < $1.value : before($0.key, $1.key) }.map(\.key)
        case .alphabetAsc:
            return entries.map(\.key).sorted(by: before)
        case .alphabetDesc:
            return entries.map(\.key).sorted { before($1, $0) }
        }
    }

    /// The count of each non-null value of `column`, as strings.
    private func counts(_ column: Column, name: String) throws(MachineLearningError) -> [String: Int] {
        var counts: [String: Int] = [:]
        switch column.storage {
        case .utf8(let strings):
            for row in 0..<column.count where !column.isNull(row) { counts[strings.string(row), default: 0] += 1 }
        case .int32, .int64, .boolean:
            for row in 0..<column.count where !column.isNull(row) { counts[column.scalar(at: row).description, default: 0] += 1 }
        default:
            throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
        }
        return counts
    }
}
