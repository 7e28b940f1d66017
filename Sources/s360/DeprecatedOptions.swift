/// The option spellings of the previous release, still accepted for one release.
///
/// The commands converged on one vocabulary: an input is `--customer`, `--bureau`, `--clicks`,
/// `--crm`; a Kafka location is `kafka://HOST:PORT[,HOST:PORT]/TOPIC`; a trigger is
/// `--trigger available-now|once|processing-time=<seconds>`. The old spellings are rewritten to
/// the new ones before parsing, each with a line saying what to write instead, so that `--help`
/// shows only the new names and a required option stays required. (ArgumentParser cannot hide
/// one of an option's names, so a hidden alias would have had to be a second, optional option.)
///
/// | command | old | new |
/// |---|---|---|
/// | `produce topup` | `--customer-dir DIR`, `--bureau-dir DIR` | `--customer DIR`, `--bureau DIR` |
/// | `produce topup` | `--bootstrap S [--customer-topic T] [--bureau-topic T]` | `--customer-topic kafka://S/T --bureau-topic kafka://S/T` |
/// | `produce clickstream` | `--dir DIR`, `--bootstrap S [--topic T]` | `--clicks DIR`, `--clicks-topic kafka://S/T` |
/// | `demo` | `--bootstrap S` | `--kafka kafka://S` |
/// | `demo` | `--trigger-ms N` | `--trigger processing-time=<N/1000>` |
enum DeprecatedOptions {
    /// One command's old spellings.
    struct Command: Sendable {
        /// The subcommand names leading to it (`["produce", "topup"]`).
        let path: [String]
        /// Old option name → new option name, the value unchanged.
        var renamed: [String: String] = [:]
        /// Old option name → new option name and how its value is written now.
        var converted: [String: (option: String, value: @Sendable (String) -> String)] = [:]
        /// With the old `--bootstrap SERVERS`: each topic option and the topic it defaults to; a
        /// plain topic name becomes `kafka://SERVERS/NAME`, a missing option the default's.
        var bootstrapTopics: [(option: String, defaultTopic: String)] = []
    }

    /// Every command that had other spellings.
    static let commands: [Command] = [
        Command(
            path: ["produce", "topup"], renamed: ["--customer-dir": "--customer", "--bureau-dir": "--bureau"],
            bootstrapTopics: [("--customer-topic", "customer_data"), ("--bureau-topic", "bureau_data")]),
        Command(
            path: ["produce", "clickstream"], renamed: ["--dir": "--clicks", "--topic": "--clicks-topic"],
            bootstrapTopics: [("--clicks-topic", "clickstream")]),
        Command(
            path: ["demo"],
            converted: [
                "--bootstrap": ("--kafka", { "kafka://" + $0 }),
                "--trigger-ms": ("--trigger", { milliseconds in
                    guard let value = Double(milliseconds) else { return "processing-time=" + milliseconds + "ms" }
                    return "processing-time=" + seconds(value / 1000)
                }),
            ]),
    ]

    /// `arguments` (without the program name) in today's spellings, and one line per old
    /// spelling met, saying what to write instead.
    static func rewrite(_ arguments: [String]) -> (arguments: [String], warnings: [String]) {
        guard let command = commands.first(where: { arguments.starts(with: $0.path) }) else { return (arguments, []) }
        var output = command.path
        var warnings: [String] = []
        var servers: String?
        var givenTopics: [String: Int] = [:]  // topic option → index of its value in `output`
        var index = command.path.count
        func value(inline: String?) -> String? {
            if let inline { return inline }
            guard index + 1 < arguments.count else { return nil }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            defer { index += 1 }
            let argument = arguments[index]
            if argument == "--" {
                output.append(contentsOf: arguments[index...])
                break
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var name = String(parts[0])
            let inline = parts.count == 2 ? String(parts[1]) : nil
            let say = "s360 \(command.path.joined(separator: " ")): \(name) is deprecated and will be removed in the next release;"
            if let new = command.renamed[name] {
                warnings.append("\(say) write \(new) instead")
                name = new
            }
            if let (new, convert) = command.converted[name], let old = value(inline: inline) {
                let converted = convert(old)
                warnings.append("\(say) write \(new) \(converted) instead")
                output.append(contentsOf: [new, converted])
            } else if name == "--bootstrap", !command.bootstrapTopics.isEmpty, let given = value(inline: inline) {
                servers = given
            } else if command.bootstrapTopics.contains(where: { $0.option == name }), let topic = value(inline: inline) {
                output.append(contentsOf: [name, topic])
                givenTopics[name] = output.count - 1
            } else {
                output.append(inline.map { name + "=" + $0 } ?? name)
            }
        }
        guard let servers else { return (output, warnings) }
        var replacement: [String] = []
        for (option, defaultTopic) in command.bootstrapTopics {
            if let position = givenTopics[option] {
                guard !output[position].hasPrefix("kafka://") else { continue }
                output[position] = "kafka://\(servers)/\(output[position])"
                replacement.append("\(option) \(output[position])")
            } else {
                let location = "kafka://\(servers)/\(defaultTopic)"
                output.append(contentsOf: [option, location])
                replacement.append("\(option) \(location)")
            }
        }
        warnings.append("s360 \(command.path.joined(separator: " ")): --bootstrap is deprecated and will be removed in the next release; "
            + "name each topic as a Kafka location instead: \(replacement.joined(separator: " "))")
        return (output, warnings)
    }

    /// `value` seconds as the shortest decimal (`1`, `0.25`).
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
