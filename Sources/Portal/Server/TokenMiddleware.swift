import Hummingbird

/// Lets a request through only with the portal's token: `?token=`, `Authorization: Bearer`, or the cookie.
///
/// A valid `?token=` also sets an `HttpOnly`, `SameSite=Strict` cookie, so the links of the
/// page and its live stream work without repeating the token in every address. The app's own
/// assets under `/static/` hold no data and need no token.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The name of the cookie that carries the token.
    static var cookieName: String { "s360_token" }

    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
        let fromQuery = request.uri.queryParameters.get("token")
        let authorization = request.headers[.authorization] ?? ""
        let fromHeader = authorization.hasPrefix("Bearer ") ? String(authorization.dropFirst(7)) : nil
        let fromCookie = request.cookies[Self.cookieName]?.value
        guard [fromQuery, fromHeader, fromCookie].contains(where: { $0.map(matches) ?? false }) else {
            throw PortalError.unauthorized
        }
        var response = try await next(request, context)
        if let fromQuery, matches(fromQuery), fromCookie != fromQuery {
            response.setCookie(Cookie(name: Self.cookieName, value: fromQuery, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Compares in time independent of where the texts differ.
    func matches(_ candidate: String) -> Bool {
        let a = Array(candidate.utf8)
        let b = Array(token.utf8)
        var difference = a.count ^ b.count
        for index in 0..<min(a.count, b.count) { difference |= Int(a[index] ^ b[index]) }
        return difference == 0
    }
}
