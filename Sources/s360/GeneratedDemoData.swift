import Customer360
import DataGenerator

/// The demo's data sets written by `s360 generate`'s generators (the DataGenerator module), one
/// set of customers for both pipelines (``DemoDataSets``).
struct GeneratedDemoData: DemoDataWriter {
    func writeTopUp(customers: Int, seed: UInt64, to directory: String) throws {
        try DemoDataSets.writeTopUp(customers: customers, seed: seed, to: directory)
    }

    func writeChurn(customers: Int, seed: UInt64, to directory: String) throws {
        try DemoDataSets.writeChurn(customers: customers, seed: seed, to: directory)
    }
}
