import Hummingbird
import ServiceLifecycle
import Synchronization

/// The `/events` response: server-sent events with the dashboard, for as long as the client stays.
///
/// Every refresh interval (measured from the start of the previous tick, so a slow rebuild does
/// not stretch the cadence) the stream asks the shared ``DashboardFeed`` for its snapshot and
/// sends it when its version changed; otherwise a comment line every 15 s keeps proxies from
/// closing the connection. The stream ends when the client goes away (the write fails), after
/// `limit` events when one is given (tests), or when the server shuts down gracefully.
enum EventStream {
    static func response(feed: DashboardFeed, interval: Duration, limit: Int?) -> Response {
        let body = ResponseBody { writer in
            let stopping = StopFlag()
            try await withGracefulShutdownHandler {
                var lastVersion = 0
                var sent = 0
                var idleTicks = 0
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                while !stopping.isSet && !Task.isCancelled {
                    // Ticks keep a fixed cadence: the time spent building a snapshot is not added to it.
                    let tick = ContinuousClock.now
                    let snapshot = await feed.current()
                    if snapshot.version != lastVersion {
                        try await writer.write(ByteBuffer(string: snapshot.event))
                        lastVersion = snapshot.version
                        sent += 1
                        idleTicks = 0
                        if let limit, sent >= limit { break }
                    } else {
                        idleTicks += 1
                        if idleTicks * Int(interval.components.seconds + 1) >= 15 {
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                            idleTicks = 0
                        }
                    }
                    do {
                        try await Task.sleep(until: tick.advanced(by: interval), clock: .continuous)
                    } catch {
                        break
                    }
                }
            } onGracefulShutdown: {
                stopping.set()
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// Set once when the server begins a graceful shutdown; read by the stream's loop.
private final class StopFlag: Sendable {
    private let flag = Atomic(false)

    var isSet: Bool { flag.load(ordering: .relaxed) }

    func set() { flag.store(true, ordering: .relaxed) }
}
