/// The data sets `s360 demo` streams and trains on: one set of customers seen by both pipelines.
///
/// The churn generators' users (CRM documents and clickstream visitors) have ids
/// ``ChurnGeneratorConfiguration/firstUserID`` … + N − 1; the top-up customers of the same
/// count get the same IDs (``TopUpGeneratorConfiguration/firstCustomerID``), so a customer the
/// top-up pipeline targets has a CRM document and a 360 page. Each set stays deterministic in
/// `(customers, seed)` and keeps its generator's file format; `s360 generate` still writes top-up
/// IDs from 1, as the shared fixtures do.
public enum DemoDataSets {
    /// `DIR/customer/` and `DIR/bureau/` for `customers` customers with the CRM's ids.
    public static func writeTopUp(customers: Int, seed: UInt64, to directory: String) throws(GeneratorError) {
        var configuration = TopUpGeneratorConfiguration(customers: customers, seed: seed, outputDirectory: directory)
        configuration.firstCustomerID = ChurnGeneratorConfiguration.firstUserID
        try TopUpGenerator(configuration: configuration).run()
    }

    /// `DIR/clickstream/` and `DIR/crm/crm.jsonl` for the same `customers` users.
    public static func writeChurn(customers: Int, seed: UInt64, to directory: String) throws(GeneratorError) {
        try ClickstreamGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/clickstream")).run()
        try CRMGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/crm")).run()
    }
}
