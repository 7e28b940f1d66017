import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// The seed's join: windowed groups (left, emitted in append mode) with customer records (right)
/// on `ID2 = ID AND ts BETWEEN window_start AND window_end`. Every pair that satisfies the
/// condition is emitted exactly once, whichever batches its two rows arrive in.
@Suite struct StreamStreamJoinOperatorTests {
    static let groups = Schema([Field("ID", .string), Field("n", .long), Field("window_start", .timestamp), Field("window_end", .timestamp)])
    static let customers = Schema([Field("ID2", .string), Field("ts", .timestamp), Field("name", .string)])
    static let condition = col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end"))
    // What an append-mode 30 s window aggregate and a watermarked `ts` promise (see EventTimeBounds).
    static let groupBounds = EventTimeBounds(["window_end": 0, "window_start": -sec(30)])
    static let customerBounds = EventTimeBounds(["ts": 0], eventTimeColumn: "ts")

    func analysis() throws -> JoinConditionAnalysis {
        try JoinConditionAnalysis(condition: Self.condition, left: Self.groups, right: Self.customers,
                                  leftBounds: Self.groupBounds, rightBounds: Self.customerBounds, resolution: .caseInsensitive)
    }

    func join(_ type: JoinType = .inner) throws -> OperatorDriver {
        let plan = try analysis()
        return OperatorDriver(try StreamStreamJoinOperator(
            left: FeedOperator(0, Self.groups, bounds: Self.groupBounds), right: FeedOperator(1, Self.customers, bounds: Self.customerBounds),
            leftKeys: plan.leftKeys, rightKeys: plan.rightKeys, condition: plan.residual, joinType: type,
            leftEviction: plan.leftEviction, rightEviction: plan.rightEviction, evaluator: ExpressionEvaluator()))
    }

    func group(_ id: String?, _ n: Int64, _ start: Int64) -> [Scalar] {
        [id.map(Scalar.string) ?? .null, .long(n), at(start), at(start + 30)]
    }

    func customer(_ id: String, _ ts: Int64, _ name: String) -> [Scalar] { [.string(id), at(ts), .string(name)] }

    func input(groups: [[Scalar]] = [], customers: [[Scalar]] = []) -> [Int: RecordBatch] {
        [0: Rows.batch(Self.groups, groups), 1: Rows.batch(Self.customers, customers)]
    }

    @Test func rangeConditionGivesEvictionRulesOnBothSides() throws {
        let plan = try analysis()
        #expect(plan.leftKeys.map(\.description) == ["ID"])
        #expect(plan.rightKeys.map(\.description) == ["ID2"])
        // ts <= window_end: a group whose end is below the watermark can meet no future customer.
        #expect(plan.leftEviction == [EvictionRule(column: "window_end", offset: 0)])
        // ts >= window_start: future groups start after watermark - 30 s, so older customers can go.
        #expect(plan.rightEviction == [EvictionRule(column: "ts", offset: -sec(30))])
    }

    @Test func equalityAndInclusiveRange() throws {
        let rows = try join().run(input(
            groups: [group("1", 10, 0), group("1", 11, 30), group("2", 20, 0)],
            customers: [customer("1", 30, "edge"), customer("1", 61, "outside"), customer("2", 5, "in"), customer("3", 5, "nobody")]))
        // BETWEEN is inclusive: ts 30 matches [0,30] and [30,60]; ts 61 is in no window of ID 1;
        // ID 3 has no group at all.
        #expect(sorted(rows) == sorted([
            group("1", 10, 0) + customer("1", 30, "edge"),
            group("1", 11, 30) + customer("1", 30, "edge"),
            group("2", 20, 0) + customer("2", 5, "in"),
        ]))
    }

    @Test func duplicateKeysOnBothSidesJoinEveryPairOnceAcrossBatches() throws {
        let driver = try join()
        let first = try driver.run(input(groups: [group("1", 1, 0), group("1", 2, 0)], customers: [customer("1", 10, "x")]))
        #expect(sorted(first) == sorted([group("1", 1, 0) + customer("1", 10, "x"), group("1", 2, 0) + customer("1", 10, "x")]))
        // Buffered groups meet new customers; 2 groups x 2 customers.
        let second = try driver.run(input(customers: [customer("1", 20, "y"), customer("1", 25, "z")]))
        #expect(second.count == 4)
        #expect(Set(second.map { $0[1] }) == [.long(1), .long(2)])
        #expect(Set(second.map { $0[6] }) == [.string("y"), .string("z")])
        // A group arriving after its customers meets all three buffered ones, once.
        let third = try driver.run(input(groups: [group("1", 3, 0)]))
        #expect(third.map { $0[6] }.sorted { $0.description < $1.description } == [.string("x"), .string("y"), .string("z")])
        #expect(try driver.run(input()) == [])
        #expect(try driver.run(input(groups: [], customers: [])) == [])
    }

    @Test func evictionBoundsStateWithoutLosingOnTimeMatches() throws {
        let driver = try join()
        _ = try driver.run(input(groups: [group("1", 1, 0), group("2", 2, 30), group("5", 5, 10)]), watermark: 0)
        #expect(driver.progress?.numRowsTotal == 3)
        // Watermark 40 s: group 1 ends at 30 < 40 and goes; group 2 ([30,60]) stays and still
        // joins; group 5 ends exactly at 40 and stays (an on-time ts may still equal 40).
        let matched = try driver.run(input(customers: [customer("2", 45, "on time")]), watermark: sec(40))
        #expect(matched == [group("2", 2, 30) + customer("2", 45, "on time")])
        #expect(driver.progress?.numRowsRemoved == 1)
        #expect(driver.progress?.numRowsTotal == 3)
        // The watermark for late events is now 40 s: customers at or before it are dropped before
        // joining, as Spark drops them (ts 20 would have met group 1, ts 40 group 5); an on-time
        // customer (ts > 40) still meets group 2; ts 41 is outside group 5's [10, 40].
        let next = try driver.run(input(customers: [customer("2", 58, "still"), customer("1", 20, "late"),
                                                    customer("5", 40, "edge"), customer("5", 41, "after")]),
                                  watermark: sec(40))
        #expect(next == [group("2", 2, 30) + customer("2", 58, "still")])
        #expect(driver.progress?.numRowsDroppedByWatermark == 2)
        // Watermark 100 s: groups 2 and 5 (ends 60, 40) and the three buffered customers (ts + 30 s < 100 s) go.
        #expect(try driver.run(input(), watermark: sec(100)) == [])
        #expect(driver.progress?.numRowsDroppedByWatermark == 0)
        #expect(driver.progress?.numRowsRemoved == 5)
        #expect(driver.progress?.numRowsTotal == 0)
    }

    /// Issue 15's repro (watermark 5 s on both streams, 30 s windows, one file per batch):
    /// Spark 4.3 joins IDs 2 and 4 and drops customer 1 (ts 18 s, at or before the 20 s watermark
    /// of the previous batch) in batch 2, counting it on the join (checked with PySpark 4.3.0).
    @Test func lateCustomersAreDroppedAsSparkDropsThem() throws {
        let driver = try join()
        // Batch 0: customer 2 at 25 s; its group is not emitted yet. Watermark after: 20 s.
        #expect(try driver.run(input(customers: [customer("2", 25, "two")]), watermark: 0) == [])
        #expect(try driver.run(input(customers: [customer("4", 26, "four")]), watermark: sec(20)) == [])
        // Batch 2 (late watermark 20 s): customer 1 at 18 s is late, customer 3 at 60 s is not.
        #expect(try driver.run(input(customers: [customer("1", 18, "one"), customer("3", 60, "three")]), watermark: sec(21)) == [])
        #expect(driver.progress?.numRowsDroppedByWatermark == 1)
        #expect(driver.progress?.numRowsUpdated == 1)
        // Batch 3 (no data, watermark 55 s): the aggregate emits the [0, 30] groups of 1, 2 and 4.
        let emitted = try driver.run(input(groups: [group("1", 1, 0), group("2", 1, 0), group("4", 1, 0)]), watermark: sec(55))
        #expect(sorted(emitted) == sorted([group("2", 1, 0) + customer("2", 25, "two"), group("4", 1, 0) + customer("4", 26, "four")]))
        #expect(driver.progress?.numRowsDroppedByWatermark == 0)
    }

    @Test func aSideWithoutTheEventTimeMarkDropsNothing() throws {
        // Unmarked customers (no withWatermark upstream): the same late row is joined.
        let plan = try analysis()
        let driver = OperatorDriver(try StreamStreamJoinOperator(
            left: FeedOperator(0, Self.groups, bounds: Self.groupBounds), right: FeedOperator(1, Self.customers, bounds: EventTimeBounds(["ts": 0])),
            leftKeys: plan.leftKeys, rightKeys: plan.rightKeys, condition: plan.residual, joinType: .inner,
            leftEviction: plan.leftEviction, rightEviction: plan.rightEviction, evaluator: ExpressionEvaluator()))
        _ = try driver.run(input(), watermark: sec(20))
        let rows = try driver.run(input(groups: [group("1", 1, 0)], customers: [customer("1", 18, "one")]), watermark: sec(21))
        #expect(rows == [group("1", 1, 0) + customer("1", 18, "one")])
        #expect(driver.progress?.numRowsDroppedByWatermark == 0)
    }

    @Test func compactedStateStillJoins() throws {
        let driver = try join()
        let many = (0..<1500).map { group("g\($0)", Int64($0), 0) } + [group("keep", 7, 90)]
        _ = try driver.run(input(groups: many), watermark: 0)
        #expect(driver.progress?.numRowsTotal == 1501)
        // 1500 of 1501 rows evicted: the buffer compacts; the survivor is still found by key.
        _ = try driver.run(input(), watermark: sec(100))
        #expect(driver.progress?.numRowsRemoved == 1500)
        #expect(driver.progress?.numRowsTotal == 1)
        let rows = try driver.run(input(customers: [customer("keep", 101, "k"), customer("g5", 101, "gone")]), watermark: sec(100))
        #expect(rows == [group("keep", 7, 90) + customer("keep", 101, "k")])
    }

    @Test func leftOuterEmitsAnUnmatchedGroupOnceWhenItIsEvicted() throws {
        let driver = try join(.leftOuter)
        let nulls: [Scalar] = [.null, .null, .null]
        let first = try driver.run(input(groups: [group("1", 1, 0), group("2", 2, 0), group("3", 3, 30), group(nil, 4, 0)],
                                         customers: [customer("1", 10, "match")]), watermark: 0)
        #expect(first == [group("1", 1, 0) + customer("1", 10, "match")])
        // Watermark 40 s evicts the [0,30] groups: the unmatched ones (2 and the null key) come out
        // with nulls on the right; group 1 matched, so it produces no outer row.
        let evicted = try driver.run(input(), watermark: sec(40))
        #expect(sorted(evicted) == sorted([group("2", 2, 0) + nulls, group(nil, 4, 0) + nulls]))
        #expect(try driver.run(input(), watermark: sec(40)) == [])
        #expect(try driver.run(input(), watermark: sec(70)) == [group("3", 3, 30) + nulls])
        #expect(try driver.run(input(), watermark: sec(200)) == [])
    }

    @Test func leftOuterWithoutARangeConditionIsAPlanError() throws {
        let left = try DataFrame.readStream(MemorySource(schema: Self.groups, name: "groups"))
        let right = try DataFrame.readStream(MemorySource(schema: Self.customers, name: "customers")).withWatermark("ts", delay: .seconds(5))
        // Without a range over event times nothing tells when a left row can no longer match.
        #expect(throws: PlanError.self) { try left.join(right, on: col("ID") == col("ID2"), type: .leftOuter) }
        #expect(try left.join(right, on: col("ID") == col("ID2")).schema.count == 7)
        // A condition with no equality between the sides cannot be a hash join.
        #expect(throws: PlanError.self) { try left.join(right, on: col("ts") >= col("window_start")) }
    }
}
