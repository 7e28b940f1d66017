/// What the clickstream generator wrote, in the manifest's terms.
struct ClickstreamCounts {
    var events = 0
    var messages = 0
    var arrayMessages = 0
    var anonymousEvents = 0
    var malformedResponseTimes = 0
    var nullResponseTimes = 0

    /// The manifest: the configuration and these counts.
    func manifest(configuration c: ChurnGeneratorConfiguration, files: Int, firstTimestamp: Int, lastTimestamp: Int) -> GenerationManifest {
        var manifest = GenerationManifest()
        manifest.set("generator", .string("s360 generate clickstream"))
        manifest.set("seed", .unsigned(c.seed))
        manifest.set("events_per_user", .double(c.eventsPerUser))
        manifest["customers"] = c.customers
        manifest["files"] = files
        manifest["events"] = events
        manifest["messages"] = messages
        manifest["array_messages"] = arrayMessages
        manifest["anonymous_events"] = anonymousEvents
        manifest["malformed_response_times"] = malformedResponseTimes
        manifest["null_response_times"] = nullResponseTimes
        manifest["first_ts"] = firstTimestamp
        manifest["last_ts"] = lastTimestamp
        return manifest
    }
}
