import Foundation
import NIOHTTP1
import ShopcastCore

/// The control API's routes: each request becomes a `ShowCommand` for the show (or a read of
/// its state, metrics, events), answered in JSON. The rules every route follows:
/// - a token, when set, is required on everything but `/health` (`Authorization: Bearer …`,
///   compared in constant time; 401 otherwise);
/// - an unknown path is 404, a known path with another method 405 (with `Allow`);
/// - a body over 64 KiB is 413, a malformed one or a bad field 400 naming the field, an unknown
///   id 404 listing the known ones, a command that does not fit the show's state 409;
/// - an accepted command is applied on the next frame and answered with the stream time at
///   which it shows (the frame it was drawn on), once the journal holds it.
final class ControlAPI: @unchecked Sendable {
    static let maxBody = 64 * 1024
    /// How long a command may wait for a frame before the API gives up on it (503).
    static let commandTimeout = 5.0

    let show: LiveShow
    let bus: EventBus
    let streams: EventStreams
    private let token: String?
    private let lock = NSLock()
    private var statusSource: (@Sendable () -> LiveStatus?)?
    private var chatPosts = 0
    /// The manifest's chat rules, for what the API posts as for --chat sources.
    private lazy var chatFilter = show.manifest.chat.filter()

    init(show: LiveShow, bus: EventBus, streams: EventStreams, token: String?) {
        self.show = show
        self.bus = bus
        self.streams = streams
        self.token = token
    }

    func setStatusSource(_ source: @escaping @Sendable () -> LiveStatus?) {
        lock.lock()
        statusSource = source
        lock.unlock()
    }

    var status: LiveStatus? {
        lock.lock()
        let source = statusSource
        lock.unlock()
        return source?()
    }

    // MARK: - Routing

    struct Route {
        let method: HTTPMethod
        /// Segments; `{name}` is a parameter.
        let path: [String]
        let open: Bool
        /// Answers through `reply`, on whatever thread the answer is ready.
        let handle: @Sendable (ControlAPI, ControlRequest, [String: String], @escaping @Sendable (ControlAnswer) -> Void) throws -> Void

        var template: String { "/" + path.joined(separator: "/") }
    }

    static let routes: [Route] = [
        Route(method: .GET, path: ["health"], open: true) { api, _, _, reply in reply(api.health()) },
        Route(method: .GET, path: ["metrics"], open: false) { api, _, _, reply in reply(api.metrics()) },
        Route(method: .GET, path: ["v1", "state"], open: false) { api, _, _, reply in reply(api.state()) },
        Route(method: .GET, path: ["v1", "openapi.json"], open: false) { api, _, _, reply in
            reply(ControlResponse.text(.ok, OpenAPIDocument.json(for: api.show.manifest), contentType: "application/json"))
        },
        Route(method: .GET, path: ["v1", "events"], open: false) { api, _, _, reply in reply(api.streams.isOpen ? .events : APIError(.serviceUnavailable, "the show is ending").answer) },
        Route(method: .POST, path: ["v1", "offers", "{id}", "cue"], open: false) { api, request, p, reply in
            let fields = try CommandRequest(request.body, allowed: CommandRequest.overrideFields)
            api.perform(.cue(p["id"]!, try fields.overrides), reply: reply)
        },
        Route(method: .POST, path: ["v1", "offers", "next"], open: false) { api, request, _, reply in
            let fields = try CommandRequest(request.body, allowed: CommandRequest.overrideFields)
            api.perform(.next(try fields.overrides), reply: reply)
        },
        Route(method: .POST, path: ["v1", "offers", "end"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.end, reply: reply)
        },
        Route(method: .POST, path: ["v1", "offers", "extend"], open: false) { api, request, _, reply in
            let fields = try CommandRequest(request.body, allowed: ["by"])
            api.perform(.extend(try fields.required("by", fields.duration)), reply: reply)
        },
        Route(method: .POST, path: ["v1", "offers", "shorten"], open: false) { api, request, _, reply in
            let fields = try CommandRequest(request.body, allowed: ["by"])
            api.perform(.extend(-(try fields.required("by", fields.duration))), reply: reply)
        },
        Route(method: .PUT, path: ["v1", "stock", "{product}"], open: false) { api, request, p, reply in
            let fields = try CommandRequest(request.body, allowed: ["units"])
            api.perform(.setStock(product: p["product"]!, units: try fields.required("units") { try fields.count($0, minimum: 0) }), reply: reply)
        },
        Route(method: .POST, path: ["v1", "stock", "{product}", "sold"], open: false) { api, request, p, reply in
            let fields = try CommandRequest(request.body, allowed: ["units"])
            api.perform(.adjustStock(product: p["product"]!, by: -(try fields.count("units", minimum: 1) ?? 1)), reply: reply)
        },
        Route(method: .POST, path: ["v1", "stock", "{product}", "restock"], open: false) { api, request, p, reply in
            let fields = try CommandRequest(request.body, allowed: ["units"])
            api.perform(.adjustStock(product: p["product"]!, by: try fields.required("units") { try fields.count($0, minimum: 1) }), reply: reply)
        },
        Route(method: .POST, path: ["v1", "stock", "{product}", "sold-out"], open: false) { api, request, p, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.setStock(product: p["product"]!, units: 0), reply: reply)
        },
        Route(method: .POST, path: ["v1", "banners"], open: false) { api, request, _, reply in
            let fields = try CommandRequest(request.body, allowed: ["text", "for"])
            api.perform(.banner(text: try fields.required("text", fields.text), length: try fields.duration("for")), reply: reply)
        },
        Route(method: .DELETE, path: ["v1", "banners"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.clearBanners, reply: reply)
        },
        Route(method: .POST, path: ["v1", "chat"], open: false) { api, request, _, reply in
            reply(try api.postChat(request.body))
        },
        Route(method: .POST, path: ["v1", "chat", "{id}", "approve"], open: false) { api, request, p, reply in
            _ = try CommandRequest(request.body, allowed: [])
            reply(try api.take(.approve(id: p["id"]!), id: p["id"]!))
        },
        Route(method: .POST, path: ["v1", "chat", "{id}", "pin"], open: false) { api, request, p, reply in
            _ = try CommandRequest(request.body, allowed: [])
            reply(try api.take(.pin(id: p["id"]!), id: p["id"]!))
        },
        Route(method: .DELETE, path: ["v1", "chat", "pin"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            reply(try api.take(.unpin, id: nil))
        },
        Route(method: .DELETE, path: ["v1", "chat", "{id}"], open: false) { api, request, p, reply in
            _ = try CommandRequest(request.body, allowed: [])
            reply(try api.take(.delete(id: p["id"]!), id: p["id"]!))
        },
        Route(method: .POST, path: ["v1", "slate"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.slate(true), reply: reply)
        },
        Route(method: .DELETE, path: ["v1", "slate"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.slate(false), reply: reply)
        },
        Route(method: .PUT, path: ["v1", "crop"], open: false) { api, request, _, reply in
            let body = try CommandRequest(request.body, allowed: ["position"])
            api.perform(.crop(try body.required("position", body.cropPosition)), reply: reply)
        },
        Route(method: .DELETE, path: ["v1", "crop"], open: false) { api, request, _, reply in
            _ = try CommandRequest(request.body, allowed: [])
            api.perform(.crop(nil), reply: reply)
        },
    ]

    /// Every request comes through here; `reply` hears the answer once (maybe from another
    /// thread, for a command that waits for its frame).
    func respond(to request: ControlRequest, reply: @escaping @Sendable (ControlAnswer) -> Void) {
        do {
            try route(request, reply: reply)
        } catch let error as APIError {
            reply(error.answer)
        } catch {
            reply(APIError(.internalServerError, "\(error)").answer)
        }
    }

    private func route(_ request: ControlRequest, reply: @escaping @Sendable (ControlAnswer) -> Void) throws {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
            .map { $0.utf8.contains(UInt8(ascii: "%")) ? (String($0).removingPercentEncoding ?? String($0)) : String($0) }
        var matches: [(Route, [String: String])] = []
        for route in Self.routes where route.path.count == segments.count {
            var parameters: [String: String] = [:]
            let fits = zip(route.path, segments).allSatisfy { pattern, segment in
                if pattern.hasPrefix("{") {
                    parameters[String(pattern.dropFirst().dropLast())] = segment
                    return true
                }
                return pattern == segment
            }
            if fits { matches.append((route, parameters)) }
        }
        // Literal segments win over parameters (`/v1/offers/next` is not an offer called "next").
        matches.sort { a, b in a.0.path.filter { $0.hasPrefix("{") }.count < b.0.path.filter { $0.hasPrefix("{") }.count }
        let open = matches.first?.0.open ?? false
        if !open { try authorize(request.headers) }
        guard let first = matches.first else {
            throw APIError(.notFound, "no such path: \(request.path)", known: Self.routes.map { "\($0.method.rawValue) \($0.template)" })
        }
        let sameShape = matches.filter { $0.0.path == first.0.path }
        guard let (route, parameters) = sameShape.first(where: { $0.0.method == request.method }) else {
            var error = APIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(first.0.template)")
            error.headers.append(("Allow", sameShape.map(\.0.method.rawValue).joined(separator: ", ")))
            throw error
        }
        try route.handle(self, request, parameters, reply)
    }

    /// Checks the bearer token in constant time (for the token's length).
    func authorize(_ headers: HTTPHeaders) throws {
        guard !isAuthorized(headers) else { return }
        var error = APIError(.unauthorized, "missing or wrong bearer token (Authorization: Bearer TOKEN)")
        error.headers.append(("WWW-Authenticate", "Bearer"))
        throw error
    }

    func isAuthorized(_ headers: HTTPHeaders) -> Bool {
        guard let token else { return true }
        return BearerToken.matches(headers.first(name: "authorization"), token: token)
    }

    // MARK: - Answers

    /// A comment, tip or purchase from the shop's backend (or a bridge): the same object as a
    /// --chat JSON line, cleaned by the manifest's chat rules, shown on a coming frame if the
    /// flood rule lets it. 202: taken (chat.shown says when it aired).
    private func postChat(_ body: Data) throws -> ControlAnswer {
        _ = try CommandRequest(body, allowed: ["author", "text", "id", "kind", "amount", "currency", "color", "badges"])
        lock.lock()
        chatPosts += 1
        let number = chatPosts
        lock.unlock()
        switch ChatLine.parse(body, source: "api", number: number) {
        case .failure(let problem):
            throw APIError(.badRequest, "not a chat message: \(problem.words)", field: Self.field(of: problem))
        case .success(.message(let message)):
            guard let clean = chatFilter.clean(message) else {
                return ControlResponse.json(.accepted, .object([("accepted", .bool(false)), ("chat", .string(message.id)),
                                                                ("reason", .string("blocked"))]))
            }
            return try take(.message(clean), id: clean.id)
        case .success:
            throw APIError(.badRequest, "a chat message needs author and text", field: "text")
        }
    }

    private func take(_ event: ChatEvent, id: String?) throws -> ControlAnswer {
        guard show.receive(event) else { throw APIError(.serviceUnavailable, "the show is ending, or too much chat is waiting for a frame") }
        return ControlResponse.json(.accepted, .object([("accepted", .bool(true))] + (id.map { [("chat", .string($0))] } ?? [])))
    }

    private static func field(of problem: ChatLine.Problem) -> String {
        switch problem {
        case .badField(let name): return name
        case .noText: return "text"
        default: return "body"
        }
    }

    private func health() -> ControlAnswer {
        ControlResponse.json(.ok, .object([("status", .string("ok")), ("running", .bool(show.isRunning))]))
    }

    private func state() -> ControlAnswer {
        ControlResponse.json(.ok, StateDocument.json(show: show, state: show.snapshot, status: status, offers: bus.encoder.offerJSON))
    }

    private func metrics() -> ControlAnswer {
        ControlResponse.text(.ok, MetricsDocument.text(status: status, counts: show.counts, state: show.snapshot,
                                                        clients: streams.count, droppedEvents: bus.droppedEvents),
                             contentType: MetricsDocument.contentType)
    }

    /// Sends a command; the answer comes when its frame took it (and the journal kept it), or
    /// after `commandTimeout` if no frame has (503).
    func perform(_ command: ShowCommand, reply: @escaping @Sendable (ControlAnswer) -> Void) {
        let show = self.show
        let once = ReplyOnce(reply)
        let ticket = show.submit(command, origin: "api") { [self] outcome in once.reply(answer(command, outcome)) }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.commandTimeout) {
            if show.withdraw(ticket) {
                once.reply(APIError(.serviceUnavailable, "the show is not running yet (its inputs are still opening); try again").answer)
            }
        }
        // A frame took it, but the journal has not said it is on disk: a dying disk must not
        // hold the request (and its connection) for ever.
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.commandTimeout + 10) {
            once.reply(APIError(.internalServerError, "the show took the command, but the journal has not kept it after \(Int(Self.commandTimeout + 10)) s (a slow or failing disk)").answer)
        }
    }

    private func answer(_ command: ShowCommand, _ outcome: CommandOutcome) -> ControlAnswer {
        switch outcome {
        case let .applied(streamTime, offset, state, journalError):
            if let journalError {
                return APIError(.internalServerError, "applied on screen from stream time \(String(format: "%.3f", streamTime)) s, but not kept: \(journalError)").answer
            }
            return ControlResponse.json(.ok, .object([
                ("applied", .bool(true)), ("command", .string(command.name)),
                ("stream_time", .seconds(streamTime)), ("offset", .seconds(offset)),
                ("state", StateDocument.json(show: show, state: state, status: status, offers: bus.encoder.offerJSON)),
            ]))
        case .refused(let refusal):
            return APIError(refusal).answer
        }
    }
}

/// Answers once, whoever comes first (the frame, or the timeout).
private final class ReplyOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var reply: (@Sendable (ControlAnswer) -> Void)?

    init(_ reply: @escaping @Sendable (ControlAnswer) -> Void) {
        self.reply = reply
    }

    func reply(_ answer: ControlAnswer) {
        lock.lock()
        let r = reply
        reply = nil
        lock.unlock()
        r?(answer)
    }
}
