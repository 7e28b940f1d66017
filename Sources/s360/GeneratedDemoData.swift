import Customer360
import DataGenerator

/// The demo's data sets written by `s360 generate`'s generators (the DataGenerator module).
struct GeneratedDemoData: DemoDataWriter {
    func writeTopUp(customers: Int, seed: UInt64, to directory: String) throws {
        _ = try TopUpGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory)).run()
    }

    func writeChurn(customers: Int, seed: UInt64, to directory: String) throws {
        _ = try ClickstreamGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/clickstream")).run()
        _ = try CRMGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/crm")).run()
    }
}
