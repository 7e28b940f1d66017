/// What differs between the plan a checkpoint recorded and a new plan, operator by operator.
///
/// A query refuses a checkpoint whose plan fingerprint differs from its own
/// (``CheckpointError/incompatiblePlan(path:checkpointed:current:checkpointedPlan:currentPlan:)``),
/// and that message shows two long lines. This comparison walks both trees (``PlanDescription``)
/// from the sink down and names each change where it starts: a window length or watermark
/// delay, an operator added, removed or replaced, a column added, removed or retyped. A column
/// change that an operator only inherits from its input is reported once, at the input, so a
/// removed column shows at the projection that dropped it, not at every operator above.
///
/// ```swift
/// let comparison = PlanComparison(checkpointed: metadata.plan, current: newPlan)
/// if !comparison.canResume { for change in comparison.changes { print(change) } }
/// ```
public struct PlanComparison: Sendable {
    /// The differences, sink side first; empty when the plans are the same.
    public private(set) var changes: [PlanChange] = []
    /// Whether the two plans have the same fingerprint, the test a query applies on start.
    public let canResume: Bool

    /// Compares the plan text recorded in a checkpoint's `metadata` with `current`'s.
    public init(checkpointed: String, current: String) {
        canResume = CheckpointMetadata.fingerprint(checkpointed) == CheckpointMetadata.fingerprint(current)
        guard !canResume else { return }
        guard let old = PlanDescription(checkpointed), let new = PlanDescription(current) else {
            changes = [PlanChange(kind: .unreadablePlan, operatorPath: "plan", statefulIndex: nil)]
            return
        }
        if old.sourceCount != new.sourceCount {
            changes.append(PlanChange(kind: .sourceCount(checkpointed: old.sourceCount, current: new.sourceCount), operatorPath: "query", statefulIndex: nil))
        }
        if old.outputMode != new.outputMode {
            changes.append(PlanChange(kind: .outputMode(checkpointed: old.outputMode, current: new.outputMode), operatorPath: "query", statefulIndex: nil))
        }
        var oldStateful: [[Int]: Int] = [:]
        for entry in old.statefulOperators { oldStateful[entry.path] = entry.index }
        var walker = Walker(statefulIndex: oldStateful)
        _ = walker.compare(old.root, new.root, oldPath: [], names: [])
        changes += walker.changes
        if changes.isEmpty {
            // The fingerprints differ but no operator does in a way this walk sees (a change of
            // the description's own text): say so rather than claim the plans are equal.
            changes.append(PlanChange(kind: .unreadablePlan, operatorPath: "plan", statefulIndex: nil))
        }
    }

    private struct Walker {
        let statefulIndex: [[Int]: Int]
        var changes: [PlanChange] = []

        /// Compares two operators and their inputs; returns the names of the columns that differ
        /// in `new`'s output (including those inherited from its inputs).
        mutating func compare(_ old: PlanDescription.Operator, _ new: PlanDescription.Operator, oldPath: [Int], names: [String]) -> Set<String> {
            let here = names + [new.name]
            let location = Self.path(here)
            let stateful = statefulIndex[oldPath]
            func record(_ kind: PlanChange.Kind) {
                changes.append(PlanChange(kind: kind, operatorPath: location, statefulIndex: old.isStateful ? stateful : nil))
            }
            if old.name != new.name {
                if new.children.count == 1, new.children[0].name == old.name {
                    changes.append(PlanChange(kind: .operatorAdded(new.name), operatorPath: location, statefulIndex: nil))
                    return compare(old, new.children[0], oldPath: oldPath, names: here).union(new.columns.map(\.name))
                }
                if old.children.count == 1, old.children[0].name == new.name {
                    changes.append(PlanChange(kind: .operatorRemoved(old.name), operatorPath: Self.path(names + [old.name]),
                                              statefulIndex: stateful))
                    return compare(old.children[0], new, oldPath: oldPath + [0], names: names)
                }
                changes.append(PlanChange(kind: .operatorReplaced(checkpointed: old.name, current: new.name), operatorPath: location,
                                          statefulIndex: stateful))
            }
            for key in Self.keys(old.settings, new.settings) {
                let before = old.setting(key)
                let after = new.setting(key)
                guard before != after else { continue }
                let readableBefore = before.map { PlanDescription.readable(.init(key: key, value: $0)) }
                let readableAfter = after.map { PlanDescription.readable(.init(key: key, value: $0)) }
                switch key {
                case "window": record(.window(checkpointed: readableBefore, current: readableAfter))
                case "delay": record(.watermarkDelay(checkpointed: readableBefore, current: readableAfter))
                default: record(.setting(key: key, checkpointed: readableBefore, current: readableAfter))
                }
            }
            var inherited: Set<String> = []
            if old.name == new.name || old.children.count == new.children.count {
                if old.children.count == new.children.count {
                    for i in old.children.indices {
                        inherited.formUnion(compare(old.children[i], new.children[i], oldPath: oldPath + [i], names: here))
                    }
                } else {
                    record(.inputsChanged(checkpointed: old.children.count, current: new.children.count))
                }
            } else {
                // A replaced operator with other inputs: everything below is new.
                inherited = Set(old.columns.map(\.name) + new.columns.map(\.name))
            }
            var visible: Set<String> = []
            // `#N` columns are a compiler's internal slots, renumbered by any change upstream:
            // only their number and types count, and only where state keeps them.
            let oldInternal = old.columns.filter(\.isInternal).map(\.type)
            let newInternal = new.columns.filter(\.isInternal).map(\.type)
            if old.isStateful, new.isStateful, oldInternal != newInternal {
                record(.stateColumns(checkpointed: oldInternal, current: newInternal))
            }
            let oldNamed = old.columns.filter { !$0.isInternal }
            let newNamed = new.columns.filter { !$0.isInternal }
            let oldTypes = Dictionary(oldNamed.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            let newTypes = Dictionary(newNamed.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            for column in oldNamed where newTypes[column.name] == nil {
                visible.insert(column.name)
                if !inherited.contains(column.name) { record(.columnRemoved(column)) }
            }
            for column in newNamed {
                guard let before = oldTypes[column.name] else {
                    visible.insert(column.name)
                    if !inherited.contains(column.name) { record(.columnAdded(column)) }
                    continue
                }
                if before != column.type {
                    visible.insert(column.name)
                    if !inherited.contains(column.name) { record(.columnTypeChanged(name: column.name, checkpointed: before, current: column.type)) }
                }
            }
            let kept = oldNamed.map(\.name).filter { newTypes[$0] != nil }
            if visible.isEmpty, kept != newNamed.map(\.name).filter({ oldTypes[$0] != nil }) {
                record(.columnsReordered)
            }
            // Every change below stays known upward, so a column is named once, where it changed.
            return visible.union(inherited)
        }

        /// Operator names from the sink down, runs of one name shortened: `project ×5 > stateStoreSave`.
        static func path(_ names: [String]) -> String {
            var parts: [String] = []
            var i = 0
            while i < names.count {
                var run = 1
                while i + run < names.count, names[i + run] == names[i] { run += 1 }
                parts.append(run == 1 ? names[i] : "\(names[i]) ×\(run)")
                i += run
            }
            return parts.joined(separator: " > ")
        }

        static func keys(_ a: [PlanDescription.Setting], _ b: [PlanDescription.Setting]) -> [String] {
            var keys: [String] = []
            for setting in a + b where !keys.contains(setting.key) { keys.append(setting.key) }
            return keys
        }
    }
}

/// One difference between a checkpoint's plan and a new plan, located at an operator.
public struct PlanChange: Sendable, Hashable, CustomStringConvertible {
    /// What changed.
    public enum Kind: Sendable, Hashable {
        /// The query reads another number of sources (the offsets log has one line per source).
        case sourceCount(checkpointed: Int?, current: Int?)
        /// Another output mode.
        case outputMode(checkpointed: String?, current: String?)
        /// An operator the checkpointed plan does not have, above the one it had.
        case operatorAdded(String)
        /// An operator of the checkpointed plan that is gone.
        case operatorRemoved(String)
        /// An operator of another kind at the same place.
        case operatorReplaced(checkpointed: String, current: String)
        /// A window's length (slide, start), in words.
        case window(checkpointed: String?, current: String?)
        /// A watermark's delay, in words.
        case watermarkDelay(checkpointed: String?, current: String?)
        /// Another recorded setting of an operator.
        case setting(key: String, checkpointed: String?, current: String?)
        /// An output column the checkpointed operator did not produce.
        case columnAdded(PlanDescription.Column)
        /// An output column the operator no longer produces.
        case columnRemoved(PlanDescription.Column)
        /// A column with another type.
        case columnTypeChanged(name: String, checkpointed: String, current: String)
        /// A stateful operator keeps other unnamed columns (a compiler's `#N` slots: grouping
        /// keys and aggregates), by type in order.
        case stateColumns(checkpointed: [String], current: [String])
        /// The columns are the same but in another order.
        case columnsReordered
        /// The operator reads another number of inputs.
        case inputsChanged(checkpointed: Int, current: Int)
        /// The plans differ in a way the operator walk cannot place (or a plan text does not parse).
        case unreadablePlan
    }

    public var kind: Kind
    /// Where: the operators from the sink down to the changed one, `project > stateStoreSave`.
    public var operatorPath: String
    /// The changed operator's number among the checkpoint's stateful operators (`state/<n>/`),
    /// when the change is in one: its saved state no longer fits.
    public var statefulIndex: Int?

    public init(kind: Kind, operatorPath: String, statefulIndex: Int?) {
        self.kind = kind
        self.operatorPath = operatorPath
        self.statefulIndex = statefulIndex
    }

    /// A short name of the kind, for JSON output (`window`, `columnRemoved`, …).
    public var kindName: String {
        switch kind {
        case .sourceCount: "sourceCount"
        case .outputMode: "outputMode"
        case .operatorAdded: "operatorAdded"
        case .operatorRemoved: "operatorRemoved"
        case .operatorReplaced: "operatorReplaced"
        case .window: "window"
        case .watermarkDelay: "watermarkDelay"
        case .setting: "setting"
        case .columnAdded: "columnAdded"
        case .columnRemoved: "columnRemoved"
        case .columnTypeChanged: "columnTypeChanged"
        case .stateColumns: "stateColumns"
        case .columnsReordered: "columnsReordered"
        case .inputsChanged: "inputsChanged"
        case .unreadablePlan: "planText"
        }
    }

    /// The change in words, without its location.
    public var detail: String {
        func text(_ value: String?) -> String { value ?? "none" }
        switch kind {
        case .sourceCount(let before, let after):
            return "reads \(after.map(String.init) ?? "?") sources where the checkpoint recorded offsets for \(before.map(String.init) ?? "?")"
        case .outputMode(let before, let after):
            return "output mode \(text(after)) where the checkpoint ran \(text(before))"
        case .operatorAdded(let name): return "operator \(name) added"
        case .operatorRemoved(let name): return "operator \(name) removed"
        case .operatorReplaced(let before, let after): return "operator \(before) replaced by \(after)"
        case .window(let before, let after): return "window changed from \(text(before)) to \(text(after))"
        case .watermarkDelay(let before, let after): return "watermark delay changed from \(text(before)) to \(text(after))"
        case .setting(let key, let before, let after): return "\(key) changed from \(text(before)) to \(text(after))"
        case .columnAdded(let column):
            return "column `\(column.name)` (\(column.type)) added" + (operatorPath.hasSuffix("stateStoreSave") ? " (a new aggregate or grouping key)" : "")
        case .columnRemoved(let column):
            return "column `\(column.name)` (\(column.type)) removed"
        case .columnTypeChanged(let name, let before, let after):
            return "column `\(name)` changed type from \(before) to \(after)"
        case .stateColumns(let before, let after):
            let what = after.count > before.count ? " (an aggregate or grouping key added)" : after.count < before.count ? " (an aggregate or grouping key removed)" : " (an aggregate's or key's type changed)"
            let changed = after.indices.filter { $0 < before.count && before[$0] != after[$0] }
            let types = before.count == after.count ? ": " + changed.map { "column \($0 + 1) \(before[$0]) → \(after[$0])" }.joined(separator: ", ") : ""
            return "keeps \(after.count) unnamed state columns where the checkpoint keeps \(before.count)" + what + types
        case .columnsReordered: return "output columns in another order"
        case .inputsChanged(let before, let after): return "reads \(after) inputs where it read \(before)"
        case .unreadablePlan: return "the plan text differs (fingerprints differ) in a way that cannot be located operator by operator"
        }
    }

    /// `project > stateStoreSave (state 0): window changed from 30 s to 1 min`.
    public var description: String {
        operatorPath + (statefulIndex.map { " (state/\($0))" } ?? "") + ": " + detail
    }
}
