import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection to the control API, on its event loop: gathers each request (a body
/// over 64 KiB is refused with 413 without being kept), hands it to the `ControlAPI`, and
/// writes the answer, which may come from another thread (a command answers once its frame
/// took it). Keep-alive as the client asks; requests on one connection are answered in order
/// (NIO's pipelining handler holds the next until this one is answered). `GET /v1/events`
/// turns the connection into a server-sent-events stream until the show ends or the client
/// goes.
final class HTTPConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// A request's head and body must arrive within this long (a client sending a byte a second
    /// is cut off).
    static let requestDeadline: TimeAmount = .seconds(10)

    private let api: ControlAPI
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var tooLarge = false
    private var deadline: Scheduled<Void>?
    /// A request is being answered (between its end and its answer written).
    private var answering = false
    /// The event stream this connection carries, if it is one.
    private var stream: Int?
    private var keepAlive: RepeatedTask?

    init(api: ControlAPI) {
        self.api = api
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = nil
            tooLarge = (h.headers.first(name: "content-length").flatMap(Int.init) ?? 0) > ControlAPI.maxBody
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: Self.requestDeadline) { channel.close(promise: nil) }
        case .body(var chunk):
            guard !tooLarge else { return }
            if body == nil { body = context.channel.allocator.buffer(capacity: chunk.readableBytes) }
            if body!.readableBytes + chunk.readableBytes > ControlAPI.maxBody {
                tooLarge = true
                body = nil
            } else {
                body!.writeBuffer(&chunk)
            }
        case .end:
            deadline?.cancel()
            deadline = nil
            guard let head else { return }
            self.head = nil
            answering = true
            if tooLarge {
                // The rest of an oversized body is not worth reading: answer and close.
                write(APIError(.payloadTooLarge, "the body is over \(ControlAPI.maxBody / 1024) KiB", field: "body").answer,
                      keepAlive: false, context: context)
                return
            }
            let request = ControlRequest(method: head.method, uri: head.uri, headers: head.headers,
                                         body: body.map { Data($0.readableBytesView) } ?? Data())
            body = nil
            let loop = context.eventLoop
            let bound = NIOLoopBound((self, context), eventLoop: loop)
            let keep = head.isKeepAlive
            api.respond(to: request) { answer in
                loop.execute {
                    let (connection, context) = bound.value
                    connection.write(answer, keepAlive: keep, context: context)
                }
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        keepAlive?.cancel()
        if let stream { api.streams.unsubscribe(stream) }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Idle between requests: let the connection go. A request being answered, or an event
        // stream (the client only reads), is not idle.
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, !answering, stream == nil, head == nil {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func write(_ answer: ControlAnswer, keepAlive keep: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        switch answer {
        case let .full(status, fields, text):
            var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
            buffer.writeString(text)
            var headers = HTTPHeaders(fields)
            headers.add(name: "Content-Length", value: String(buffer.readableBytes))
            if !keep { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keep { channel.close(promise: nil) }
            }
            answering = false
        case .events:
            startEventStream(context: context)
        }
    }

    /// Server-sent events: one `data:` line per event, a comment every 15 s so a dead client
    /// is noticed; the stream ends (cleanly) when the show does.
    private func startEventStream(context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: ": shopcast events\n\n")))), promise: nil)
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        let streams = api.streams
        let id = streams.subscribe(line: { line in
            loop.execute {
                let (connection, context) = bound.value
                guard let id = connection.stream else { return }
                context.writeAndFlush(connection.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "data: \(line)\n\n"))))).whenComplete { _ in
                    streams.written(id)
                }
            }
        }, end: { dropped in
            loop.execute {
                let (connection, context) = bound.value
                connection.keepAlive?.cancel()
                connection.stream = nil
                let channel = context.channel
                if dropped {
                    // Too far behind: cut off without the end of the stream, so the client can tell.
                    channel.close(promise: nil)
                } else {
                    context.writeAndFlush(connection.wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
                }
            }
        })
        guard let id else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            context.close(promise: nil)
            return
        }
        stream = id
        keepAlive = loop.scheduleRepeatedTask(initialDelay: .seconds(15), delay: .seconds(15)) { _ in
            let (connection, context) = bound.value
            guard connection.stream != nil else { return }
            context.writeAndFlush(connection.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: ": keepalive\n\n")))), promise: nil)
        }
    }
}
