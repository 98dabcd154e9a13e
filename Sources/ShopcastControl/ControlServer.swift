import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import ShopcastCore

/// go-live's control API: HTTP/1.1 and a WebSocket event stream on SwiftNIO, on one event-loop
/// thread of its own, so no request ever runs on, or waits for, the encoder thread: commands
/// reach the show through `LiveShow.submit` and land between two frames.
///
/// Built on NIO's own HTTP/1 and WebSocket handlers rather than a framework over them: the
/// control plane must cost a running show next to nothing, and measured on this project's
/// machine (BENCHMARKS.md) Hummingbird 2 spent about twice NIO's CPU per request, mostly
/// hopping each request between its event loop and Swift's concurrency pool, and its extra
/// modules kept more of the binary resident. NIO's HTTP parser (llhttp) with bounded heads,
/// its pipelining, upgrade and error handlers are what the API needs from a server; routing,
/// bodies and streams are a few small handlers here.
public final class ControlServer: @unchecked Sendable {
    /// At most this many connections at once; more are closed as they arrive.
    static let maxConnections = 512
    /// A connection must send its whole first request within this long of connecting.
    static let firstRequestTimeout: TimeAmount = .seconds(10)
    /// A keep-alive connection idle this long between requests is closed.
    static let idleTimeout: TimeAmount = .seconds(30)

    public let address: ControlAddress
    private let api: ControlAPI
    private let streams = EventStreams()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let lock = NSCondition()
    private var listener: Channel?
    private var connections: [ObjectIdentifier: Channel] = [:]

    /// `token`: required on every request but `/health` when set.
    public init(address: ControlAddress, token: String?, show: LiveShow, bus: EventBus) {
        self.address = address
        api = ControlAPI(show: show, bus: bus, streams: streams, token: token)
        bus.add(streams)
    }

    /// Where `GET /v1/state` and `/metrics` read the stream's figures (the running session).
    public func setStatusSource(_ source: @escaping @Sendable () -> LiveStatus?) {
        api.setStatusSource(source)
    }

    /// Starts listening; returns the bound address (the real port when 0 was asked for).
    /// Throws `.config` when the address cannot be bound.
    public func start() throws -> ControlAddress {
        raiseFileLimit()
        let api = self.api
        let streams = self.streams
        let bootstrap = ServerBootstrap(group: group)
            // Room for a burst of connections while the machine is busy encoding: a full accept
            // queue drops SYNs, and a client's retry comes a second later.
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [weak self] channel in
                guard let self, self.admit(channel) else { return channel.close() }
                return channel.eventLoop.makeCompletedFuture {
                    try Self.configure(channel, api: api, streams: streams)
                }
            }
        do {
            let channel = try bootstrap.bind(host: address.host, port: address.port).wait()
            lock.lock()
            listener = channel
            lock.unlock()
            return ControlAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
        } catch {
            try? group.syncShutdownGracefully()
            throw ShopcastError(.config, "cannot listen on \(address) for --control: \(Self.describe(error))")
        }
    }

    /// The pipeline of one connection: NIO's HTTP/1 server handlers (bounded heads, pipelining,
    /// 400 for what does not parse, the WebSocket upgrade), the first-request guard, an idle
    /// timer, and the API.
    private static func configure(_ channel: Channel, api: ControlAPI, streams: EventStreams) throws {
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: 1 << 16, automaticErrorHandling: true,
            shouldUpgrade: { channel, head in
                // Only the event stream upgrades, and only with the token; anything else goes on
                // as plain HTTP, where it gets its 401 or 404.
                let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
                return channel.eventLoop.makeSucceededFuture(path == "/v1/events" && api.isAuthorized(head.headers) ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    let http = try channel.pipeline.syncOperations.handler(type: HTTPConnection.self)
                    channel.pipeline.syncOperations.removeHandler(http, promise: nil)
                    try channel.pipeline.syncOperations.addHandler(WebSocketConnection(streams: streams))
                }
            })
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 8192
        limits.maxHeaderListSize = 16384
        limits.maxHeaderFieldCount = 100
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withPipeliningAssistance: true, withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }),
            withErrorHandling: true, withOutboundHeaderValidation: true, withEncoderConfiguration: .init(),
            withDecoderLimitConfiguration: limits)
        let decoder = try channel.pipeline.syncOperations.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self)
        try channel.pipeline.syncOperations.addHandler(FirstRequestGuard(timeout: firstRequestTimeout), position: .after(decoder.handler))
        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idleTimeout))
        try channel.pipeline.syncOperations.addHandler(HTTPConnection(api: api))
    }

    /// Counts a new connection in; false when there are too many.
    private func admit(_ channel: Channel) -> Bool {
        let key = ObjectIdentifier(channel)
        lock.lock()
        guard connections.count < Self.maxConnections, listener != nil else {
            lock.unlock()
            return false
        }
        connections[key] = channel
        lock.unlock()
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            self.connections.removeValue(forKey: key)
            self.lock.broadcast()
            self.lock.unlock()
        }
        return true
    }

    /// Stops listening, ends the event streams (their clients get every event up to the end),
    /// lets answers in flight go out, and closes what is left after ~2 s.
    public func stop() {
        lock.lock()
        let listener = self.listener
        self.listener = nil
        lock.unlock()
        guard let listener else { return }
        streams.closeAll()
        try? listener.close().wait()
        closeIdleConnections()
        lock.lock()
        _ = lock.wait(seconds: 2) { connections.isEmpty }
        let left = Array(connections.values)
        lock.unlock()
        for channel in left { channel.close(promise: nil) }
        try? group.syncShutdownGracefully()
    }

    /// Asks every connection to close once its answer is out (the pipelining handler finishes
    /// what is in flight first).
    private func closeIdleConnections() {
        lock.lock()
        let all = Array(connections.values)
        lock.unlock()
        for channel in all { channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent()) }
    }

    /// Open files: a show with hundreds of API clients must not run out of descriptors for its
    /// recordings and destinations.
    private func raiseFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = min(limit.rlim_max, 65536)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") { return "the address is already in use" }
        if text.contains("Cannot assign requested address") || text.contains("EADDRNOTAVAIL") { return "no such address on this machine" }
        if text.contains("Permission denied") || text.contains("EACCES") { return "permission denied (ports below 1024 need privileges)" }
        return text
    }
}
