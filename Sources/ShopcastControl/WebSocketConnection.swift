import Foundation
import NIOCore
import NIOWebSocket

/// The live event stream over a WebSocket (`GET /v1/events` with an upgrade): one text message
/// per event, until the show ends (close 1000) or the client goes. The client's pings are
/// answered and its close returned; a ping every 20 s keeps idle proxies from dropping the
/// connection. A client that falls too far behind is dropped (close 1008).
final class WebSocketConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let streams: EventStreams
    private var stream: Int?
    private var pinger: RepeatedTask?
    private var closing = false

    init(streams: EventStreams) {
        self.streams = streams
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        let streams = self.streams
        stream = streams.subscribe(line: { line in
            loop.execute {
                let (connection, context) = bound.value
                guard let id = connection.stream, !connection.closing else { return }
                var buffer = context.channel.allocator.buffer(capacity: line.utf8.count)
                buffer.writeString(line)
                context.writeAndFlush(connection.wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: buffer))).whenComplete { _ in
                    streams.written(id)
                }
            }
        }, end: { dropped in
            loop.execute {
                let (connection, context) = bound.value
                connection.stream = nil
                connection.close(dropped ? .policyViolation : .normalClosure, context: context)
            }
        })
        if stream == nil { close(.goingAway, context: context) }
        pinger = loop.scheduleRepeatedTask(initialDelay: .seconds(20), delay: .seconds(20)) { _ in
            let (connection, context) = bound.value
            guard !connection.closing else { return }
            context.writeAndFlush(connection.wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer())), promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        pinger?.cancel()
        if let stream { streams.unsubscribe(stream) }
        stream = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            guard frame.fin else { return }
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .connectionClose:
            // The client is leaving: return its close, then hang up.
            if !closing {
                closing = true
                var data = frame.unmaskedData
                let code = data.readSlice(length: 2) ?? ByteBuffer()
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: code))).whenComplete { _ in
                    context.close(promise: nil)
                }
            } else {
                context.close(promise: nil)
            }
        default:
            // What a client says is not read: the stream goes one way.
            break
        }
    }

    private func close(_ code: WebSocketErrorCode, context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        pinger?.cancel()
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))).whenComplete { _ in
            // The client answers with its close; give it a moment, then hang up regardless.
            channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        }
    }
}
