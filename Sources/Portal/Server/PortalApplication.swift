import Foundation
import Hummingbird

/// The portal's web application: routes over a ``PortalStore`` and a ``DashboardFeed``.
///
/// Routes (all `GET`; the portal has no route that writes):
/// - `/`: the live dashboard;
/// - `/customers?q=TEXT`: search by id, name or zip;
/// - `/customers/ID`: the 360 page (404 for an unknown id);
/// - `/targets?state=STATE`: the latest window's predicted top-up customers (of one state), linked to their pages;
/// - `/events`: server-sent events with the dashboard's sections (`?limit=N` ends after N events);
/// - `/static/portal.css`, `/static/portal.js`, `/static/icon.svg`: the app's own assets.
///
/// With a token configured every route but `/static/` requires it (see ``TokenMiddleware``).
public enum PortalApplication {
    /// The application for `configuration`, validated first.
    /// - Throws: what ``PortalConfiguration/validate()`` throws.
    public static func build(configuration: PortalConfiguration) throws(PortalError) -> some ApplicationProtocol {
        try configuration.validate()
        let store = PortalStore(path: configuration.storePath)
        let feed = DashboardFeed(store: store, progressPath: configuration.progressPath, demoDirectory: configuration.demoDirectory, interval: configuration.refreshInterval,
            idleAfter: configuration.idleAfter)
        let router = Router()
        if let token = configuration.token { router.add(middleware: TokenMiddleware(token: token)) }
        addRoutes(to: router, store: store, feed: feed, configuration: configuration)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Stream360 portal"))
    }

    /// Validates `configuration`, prints its ``PortalConfiguration/startupWarnings`` to standard
    /// error, then serves until SIGINT or SIGTERM (finishing open live streams first).
    public static func run(configuration: PortalConfiguration) async throws {
        let application = try build(configuration: configuration)
        for warning in configuration.startupWarnings {
            FileHandle.standardError.write(Data("portal: warning: \(warning)\n".utf8))
        }
        try await application.runService()
    }

    static func addRoutes(to router: Router<BasicRequestContext>, store: PortalStore, feed: DashboardFeed, configuration: PortalConfiguration) {
        let mask = PersonalDataMask(isEnabled: configuration.maskPersonal)
        router.get("/") { _, _ in
            PortalResponses.html(DashboardView.page(await feed.current().model, masked: mask.isEnabled))
        }
        router.get("/customers") { request, _ in
            let search = try CustomerSearch.run(FormURLEncoding.value(of: "q", in: request.uri.query) ?? "", store: store, mask: mask)
            return PortalResponses.html(CustomerSearchView.page(search, masked: mask.isEnabled))
        }
        router.get("/customers/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            let profile = try CustomerProfile.load(id: id, store: store, mask: mask)
            return PortalResponses.html(CustomerPageView.page(profile, masked: mask.isEnabled))
        }
        router.get("/targets") { request, _ in
            let state = FormURLEncoding.value(of: "state", in: request.uri.query).flatMap { $0.isEmpty ? nil : $0 }
            let list = try TopUpTargets.load(state: state, store: store, mask: mask)
            return PortalResponses.html(TopUpTargetsView.page(list, masked: mask.isEnabled))
        }
        router.get("/events") { request, _ in
            let limit = request.uri.queryParameters.get("limit").flatMap(Int.init).map { min(max($0, 1), 1000) }
            return EventStream.response(feed: feed, interval: configuration.refreshInterval, limit: limit)
        }
        router.get("/static/:name") { _, context in
            try PortalResponses.asset(named: context.parameters.get("name") ?? "")
        }
    }
}
