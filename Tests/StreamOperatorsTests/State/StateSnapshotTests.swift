import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// An operator restored from a snapshot taken after batch k produces exactly what the original
/// produces from batch k + 1 on, for every k.
@Suite struct StateSnapshotTests {
    static let schema = Schema([
        Field("ID", .string), Field("ts", .timestamp), Field("v", .long), Field("d", .double), Field("s", .string),
    ])

    static let aggregations = [
        Aggregation(.countAll, "*", as: "n"), Aggregation(.count, "v", as: "v_count"), Aggregation(.sum, "v", as: "v_sum"),
        Aggregation(.sum, "d", as: "d_sum"), Aggregation(.avg, "d", as: "d_avg"), Aggregation(.min, "s", as: "s_min"),
        Aggregation(.max, "v", as: "v_max"), Aggregation(.first, "s", as: "s_first"), Aggregation(.last, "s", as: "s_last"),
        Aggregation(.approxCountDistinct(relativeSD: 0.05), "s", as: "s_dist"), Aggregation(.countDistinct, "v", as: "v_distinct"),
        Aggregation(.percentile(0.5), "d", as: "d_p50"), Aggregation(.percentileApprox(0.9, accuracy: 100), "v", as: "v_p90"),
    ]

    static func aggregate(_ mode: OutputMode) throws -> WindowAggregateOperator {
        try WindowAggregateOperator(
            child: FeedOperator(0, schema), window: DataFrame.window("ts", .seconds(10)), keys: ["ID"],
            aggregations: aggregations, outputMode: mode, resolution: .caseInsensitive)
    }

    /// Batch `b`: rows over three keys and a few windows, with nulls, many distinct strings
    /// (so that some sketches turn dense) and some rows late by the time they arrive.
    static func input(_ b: Int) -> [Int: RecordBatch] {
        var rows: [[Scalar]] = []
        var seed = UInt64(b) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for i in 0..<(40 + next(60)) {
            let id = ["a", "b", "c"][next(3)]
            let ts = Int64(b * 6 + next(14) - 4)
            let v: Scalar = next(9) == 0 ? .null : .long(Int64(next(50)))
            let d: Scalar = next(7) == 0 ? .null : .double(Double(next(1000)) / 8)
            let s: Scalar = next(11) == 0 ? .null : .string("s\(next(80))-\(i % 3)")
            rows.append([.string(id), at(ts), v, d, s])
        }
        return [0: Rows.batch(schema, rows)]
    }

    static func watermark(after b: Int) -> Int64 { sec(Int64(max(0, b * 6 - 5))) }

    /// Runs `op` over batches `range`, as the runner would; returns each batch's rows.
    static func run(_ op: any PhysicalOperator, _ range: Range<Int>, input: (Int) -> [Int: RecordBatch]) throws -> [[[Scalar]]] {
        try range.map { b in
            let context = BatchContext(batchId: Int64(b), watermarkForLateEvents: b == 0 ? 0 : watermark(after: b - 1),
                                       watermarkForEviction: watermark(after: b), inputs: input(b))
            return Rows.scalars(try op.execute(context))
        }
    }

    @Test(arguments: [OutputMode.update, .append, .complete])
    func windowAggregateContinuesIdenticallyAfterRestore(mode: OutputMode) throws {
        let batches = 8
        let expected = try Self.run(try Self.aggregate(mode), 0..<batches, input: Self.input)
        #expect(expected.joined().count > 5)
        for k in 1..<batches {
            let original = try Self.aggregate(mode)
            _ = try Self.run(original, 0..<k, input: Self.input)
            let restored = try Self.aggregate(mode)
            try restored.restore(try original.snapshot())
            #expect(restored.groupCount == original.groupCount)
            let rest = try Self.run(restored, k..<batches, input: Self.input)
            // Slots are kept and windows close in start order, so the rows come in the very same order.
            #expect(rest == Array(expected[k...]), "restored after batch \(k - 1)")
        }
    }

    @Test func sketchesSurviveInBothSparseAndDenseForm() throws {
        let op = try Self.aggregate(.update)
        let many = Rows.batch(Self.schema, (0..<300).map { [.string("a"), at(1), .long(1), .double(1), .string("v\($0)")] }
            + [[.string("b"), at(1), .long(1), .double(1), .string("few")]])
        _ = try op.execute(BatchContext(batchId: 0, watermarkForLateEvents: 0, watermarkForEviction: 0, inputs: [0: many]))
        let restored = try Self.aggregate(.update)
        try restored.restore(try op.snapshot())
        let more = Rows.batch(Self.schema, [[.string("a"), at(2), .long(1), .double(1), .string("x")],
                                            [.string("b"), at(2), .long(1), .double(1), .string("y")]])
        let context = BatchContext(batchId: 1, watermarkForLateEvents: 0, watermarkForEviction: 0, inputs: [0: more])
        let a = Rows.scalars(try op.execute(context))
        let b = Rows.scalars(try restored.execute(context))
        #expect(a == b)
        let estimate = try #require(a.first { $0[1] == .string("a") }?[11])
        guard case .long(let distinct) = estimate else { Issue.record("s_dist is \(estimate)"); return }
        #expect(distinct > 270 && distinct < 330)
    }

    @Test func damagedOrForeignSnapshotsAreRefused() throws {
        let op = try Self.aggregate(.update)
        _ = try Self.run(op, 0..<2, input: Self.input)
        var bytes = try op.snapshot()
        bytes[bytes.count / 2] ^= 0x40
        let damaged = #expect(throws: OperatorError.self) { try Self.aggregate(.update).restore(bytes) }
        #expect(damaged?.description.contains("checksum") == true)
        let join = try StreamStreamJoinSnapshotTests.join()
        let foreign = #expect(throws: OperatorError.self) { try op.restore(try join.snapshot()) }
        #expect(foreign?.description.contains("symmetricHashJoin") == true)
        let fewer = try WindowAggregateOperator(
            child: FeedOperator(0, Self.schema), window: DataFrame.window("ts", .seconds(10)), keys: ["ID"],
            aggregations: [Aggregation(.countAll, "*", as: "n")], outputMode: .update, resolution: .caseInsensitive)
        let shape = #expect(throws: OperatorError.self) { try fewer.restore(try op.snapshot()) }
        #expect(shape?.description.contains("aggregation count") == true)
    }
}

/// The stream-stream join's buffers, matched flags and deadlines survive a snapshot.
@Suite struct StreamStreamJoinSnapshotTests {
    static let groups = Schema([Field("ID", .string), Field("n", .long), Field("window_start", .timestamp), Field("window_end", .timestamp)])
    static let customers = Schema([Field("ID2", .string), Field("ts", .timestamp), Field("tags", .array(.string)),
                                   Field("pos", .structure([Field("x", .double), Field("ok", .boolean)]))])

    static func join(_ type: JoinType = .inner) throws -> StreamStreamJoinOperator {
        let groupBounds = EventTimeBounds(["window_end": 0, "window_start": -sec(30)])
        let customerBounds = EventTimeBounds(["ts": 0])
        let plan = try JoinConditionAnalysis(
            condition: col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end")),
            left: groups, right: customers, leftBounds: groupBounds, rightBounds: customerBounds, resolution: .caseInsensitive)
        return try StreamStreamJoinOperator(
            left: FeedOperator(0, groups, bounds: groupBounds), right: FeedOperator(1, customers, bounds: customerBounds),
            leftKeys: plan.leftKeys, rightKeys: plan.rightKeys, condition: plan.residual, joinType: type,
            leftEviction: plan.leftEviction, rightEviction: plan.rightEviction, evaluator: ExpressionEvaluator())
    }

    static func input(_ b: Int) -> [Int: RecordBatch] {
        let ids: [Scalar] = [.string("1"), .string("2"), .string("3"), .null]
        var groupRows: [[Scalar]] = []
        var customerRows: [[Scalar]] = []
        for i in 0..<12 {
            let start = Int64((b + i % 3) * 30)
            groupRows.append([ids[(b + i) % 4], .long(Int64(b * 100 + i)), at(start), at(start + 30)])
            let tags: Scalar = i % 5 == 0 ? .null : .array([.string("t\(i)"), .null])
            let pos: Scalar = i % 4 == 0 ? .null : .structure([.double(Double(i) / 3), i % 2 == 0 ? .null : .boolean(i % 3 == 0)])
            customerRows.append([ids[(b * 7 + i) % 4], at(Int64(b * 30 + i * 7)), tags, pos])
        }
        return [0: Rows.batch(groups, groupRows), 1: Rows.batch(customers, customerRows)]
    }

    @Test(arguments: [JoinType.inner, .leftOuter])
    func joinContinuesIdenticallyAfterRestore(type: JoinType) throws {
        let batches = 7
        let full = try Self.join(type)
        let expected = try StateSnapshotTests.run(full, 0..<batches, input: Self.input)
        #expect(expected.joined().count > 10)
        for k in 1..<batches {
            let original = try Self.join(type)
            _ = try StateSnapshotTests.run(original, 0..<k, input: Self.input)
            let restored = try Self.join(type)
            try restored.restore(try original.snapshot())
            #expect(restored.stateProgress == nil)
            let rest = try StateSnapshotTests.run(restored, k..<batches, input: Self.input)
            #expect(rest == Array(expected[k...]), "restored after batch \(k - 1)")
            #expect(restored.stateProgress?.numRowsTotal == full.stateProgress?.numRowsTotal)
        }
    }
}
