import NIOCore
import NIOHTTP1

/// Keeps hostile clients from holding the control API's connections: a client that has not
/// sent a whole first request (head and body) within `timeout` of connecting (one byte a second,
/// or nothing) is disconnected. It sits right after NIO's HTTP request decoder, so it sees the
/// first request whether it is plain HTTP or a WebSocket upgrade (which the upgrade handler
/// would otherwise swallow). After the first request it steps aside: each later request has
/// its own deadline (`HTTPConnection`), and garbage gets NIO's 400.
final class FirstRequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            timer?.cancel()
            timer = nil
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        context.fireChannelRead(data)
    }
}
