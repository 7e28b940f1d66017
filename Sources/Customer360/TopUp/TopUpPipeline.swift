public import Columnar
public import Connectors
public import Expressions
public import StreamOperators
public import StreamPlan

/// The seed's top-up prediction pipeline, step by step, as DataFrames (the README of the
/// `topup-small` fixture describes each step and how Spark ran it).
///
/// 1. parse each message's JSON array of records and cast the columns;
/// 2. bureau: keep the digits of the amount columns and cast them to int;
/// 3. bureau: map SELF-INDICATOR `TRUE`/`FALSE` to 1/0;
/// 4. watermark both streams on `ts` (5 s);
/// 5. aggregate bureau records per customer in 30 s windows;
/// 6. join the windowed aggregates with the customer stream on ID and time-in-window.
public struct TopUpPipeline {
    public let customerSource: any StreamSource
    public let bureauSource: any StreamSource
    /// The watermark delay on both streams.
    public var watermarkDelay: Duration = .seconds(5)
    /// The aggregation window.
    public var windowDuration: Duration = .seconds(30)

    public init(customerSource: any StreamSource, bureauSource: any StreamSource) {
        self.customerSource = customerSource
        self.bureauSource = bureauSource
    }

    /// Step 1, customer: every record with the seed's casts and output names.
    public func customerParsed() throws(PlanError) -> DataFrame {
        try Self.customerParsed(try DataFrame.readStream(customerSource))
    }

    /// Step 1 over any DataFrame of customer messages (a `value` string column): a stream, or
    /// a table of every line of a directory for training.
    public static func customerParsed(_ messages: DataFrame) throws(PlanError) -> DataFrame {
        let ts = DataType.timestamp
        return try messages
            .parseJSON(column: "value", schema: TopUpSchemas.customerRecord)
            .select(
                col("ID"), col("Frequency"), col("InstlmentMode"), col("LoanStatus"), col("PaymentMode"), col("BranchID"),
                col("Area"), col("Tenure").cast(.int).alias("Tenure"), col("AssetCost").cast(.int).alias("AssetCost"),
                col("AmountFinance").cast(.double).alias("AmountFinance"),
                col("DisbursalAmount").cast(.double).alias("DisbursalAmount"), col("EMI").cast(.double).alias("EMI"),
                col("DisbursalDate").cast(ts).alias("DisbursalDate"), col("MaturityDate").cast(ts).alias("MaturityDate"),
                col("AuthDate").cast(ts).alias("AuthDate"), col("AssetID"), col("ManufacturerID"), col("SupplierID"),
                col("LTV").cast(.double).alias("LTV"), col("Sex").alias("Sex"), col("Age").cast(.int).alias("Age"),
                col("MonthlyIncome").cast(.double).alias("MonthlyIncome"), col("City"), col("State"),
                col("ZipCode").alias("ZipCode"), col("Top-up Month"), col("ts"))
    }

    /// Steps 1–3, bureau: casts, digits-only amounts, SELF-INDICATOR mapping.
    public func bureauCleaned() throws(PlanError) -> DataFrame {
        try Self.bureauCleaned(try DataFrame.readStream(bureauSource))
    }

    /// Steps 1–3 over any DataFrame of bureau messages (a `value` string column).
    public static func bureauCleaned(_ messages: DataFrame) throws(PlanError) -> DataFrame {
        func digits(_ name: String) -> Expression { keepDigits(col(name)).cast(.int).alias(name) }
        let selfIndicator = when(col("SELF-INDICATOR") == lit("TRUE"), lit(Int32(1)))
            .when(col("SELF-INDICATOR") == lit("FALSE"), lit(Int32(0)))
            .otherwise(col("SELF-INDICATOR"))
            .cast(.int).alias("SELF-INDICATOR")
        let ts = DataType.timestamp
        return try messages
            .parseJSON(column: "value", schema: TopUpSchemas.bureauRecord)
            .select(
                col("ID"), selfIndicator, col("MATCH-TYPE"), col("ACCT-TYPE"), col("CONTRIBUTOR-TYPE"),
                col("DATE-REPORTED").cast(ts).alias("DATE-REPORTED"), col("OWNERSHIP-IND"), col("ACCOUNT-STATUS"),
                col("DISBURSED-DT").cast(ts).alias("DISBURSED-DT"), col("CLOSE-DT").cast(ts).alias("CLOSE-DT"),
                col("LAST-PAYMENT-DATE").cast(ts).alias("LAST-PAYMENT-DATE"), col("CREDIT-LIMIT/SANC AMT"),
                digits("DISBURSED-AMT/HIGH CREDIT"), digits("INSTALLMENT-AMT"), digits("CURRENT-BAL"),
                col("INSTALLMENT-FREQUENCY"), digits("OVERDUE-AMT"), col("WRITE-OFF-AMT").cast(.int).alias("WRITE-OFF-AMT"),
                col("ASSET_CLASS"), col("REPORTED DATE - HIST"), col("DPD - HIST"), col("CUR BAL - HIST"),
                col("AMT OVERDUE - HIST"), col("AMT PAID - HIST"), col("TENURE"), col("ts"))
    }

    /// Steps 4–5: bureau aggregates per customer and 30 s window, emitted when the window closes.
    /// Columns: ID, the `_sum`s, the `_dist`s, window_start, window_end.
    public func bureauGroups() throws(PlanError) -> DataFrame {
        try Self.groups(of: try bureauCleaned().withWatermark("ts", delay: watermarkDelay), windowDuration: windowDuration)
    }

    /// Step 6: the windowed bureau aggregates joined with the customer records whose `ts` lies
    /// in the window (bounds included), customer columns after the aggregates, `ID2` dropped.
    public func joined() throws(PlanError) -> DataFrame {
        let groups = try Self.groups(of: try bureauCleaned().withWatermark("ts", delay: watermarkDelay), windowDuration: windowDuration)
        let customers = try customerParsed().withWatermark("ts", delay: watermarkDelay).withColumnRenamed("ID", "ID2")
        return try groups
            .join(customers, on: col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end")))
            .drop("ID2")
    }

    static func groups(of bureau: DataFrame, windowDuration: Duration) throws(PlanError) -> DataFrame {
        let sums = TopUpSchemas.summedBureauColumns.map { Aggregation(.sum, $0, as: "\($0)_sum") }
        let dists = TopUpSchemas.distinctBureauColumns.map {
            Aggregation(.approxCountDistinct(relativeSD: 0.05), $0, as: "\($0)_dist")
        }
        let aggregated = try bureau.groupBy(window: DataFrame.window("ts", windowDuration), ["ID"], aggregations: sums + dists)
        let columns = aggregated.schema.names.filter { $0 != "window" }.map { col($0) }
        return try aggregated.select(columns + [col("window.start").alias("window_start"), col("window.end").alias("window_end")])
    }
}
