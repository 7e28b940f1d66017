import Hummingbird

/// Builds the portal's responses: HTML pages and static assets, never cached when they hold data.
enum PortalResponses {
    /// An HTML page.
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    /// One of the app's own assets: `portal.css`, `portal.js`, `icon.svg`.
    static func asset(named name: String) throws(PortalError) -> Response {
        let (text, type): (String, String)
        switch name {
        case "portal.css": (text, type) = (PortalStylesheet.css, "text/css; charset=utf-8")
        case "portal.js": (text, type) = (PortalScript.javaScript, "text/javascript; charset=utf-8")
        case "icon.svg": (text, type) = (PortalIcon.svg, "image/svg+xml")
        default: throw .notFound(path: "/static/" + name)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "max-age=300"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
