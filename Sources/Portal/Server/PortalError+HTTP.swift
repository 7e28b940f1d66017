import Hummingbird

extension PortalError: HTTPResponseError {
    /// The status of ``httpStatusCode``.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: httpStatusCode) }

    /// A small HTML page with the message.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        PortalResponses.html(ErrorPageView.page(status: httpStatusCode, message: description), status: status)
    }
}
