import Foundation

/// Writes the show to one destination on its own thread, with its own bounded queue: a slow or
/// dead destination never blocks the encoder or the others. A destination more than
/// `dropThreshold` seconds behind — its queue, and for RTMP(S) what the socket's send buffer still
/// holds — drops video up to the next keyframe (never audio) and is `degraded` while it does.
/// Network destinations reconnect with backoff when they fail, resuming on a keyframe with
/// continuing timestamps.
///
/// While an RTMP(S) destination keeps up — its thread waiting for packets, its socket with room
/// for what is queued — the encoder thread writes the batch itself when it hands it over
/// (`wake()`): a send into a socket with room does not wait for the server, and a thread woken
/// ~17 times a second per destination cost more than the sends. Whoever writes holds the pen
/// (`encoderWriting`); the writer thread takes over the moment the socket fills, the link
/// fails, or the show ends.
final class DestinationWriter: @unchecked Sendable {
    struct Settings {
        var maxRetries: Int?
        var caFile: String?
        var backoff = Backoff()
        /// Network: 1 s, counting what the socket holds; a recording tolerates disk hiccups longer.
        var dropThreshold: Double
        /// Seconds a network write or connect may block before the connection counts as dead.
        var writeTimeout = 5.0
        var connectTimeout = 10.0
    }

    let destination: Destination
    private let video: Encoder
    private let audio: Encoder
    private let settings: Settings
    private let events: EventBus
    private let interrupter = Interrupter()
    private let condition = NSCondition()
    private var queue: [EncodedPacket] = []
    private var head = 0
    private var connected = false
    private var ending = false
    private var policy: DropPolicy
    /// Stream time of the newest packet offered, kept or not: the live edge.
    private var newest: Double?
    /// The socket at the writer's last look: the stream time of the oldest packet it still
    /// holds (written, not acknowledged), how many bytes, and how fast the link drains it.
    private var socketHead: Double?
    private var socketBytes = 0
    private var linkRate: Double?
    private var queuedBytes = 0
    /// The lag's peak over the last 2.5 to 5 s of stream: what the status line, events and
    /// API report (a slow link's lag saws up and down with every GOP).
    private var lagPeak = PeakHold(window: 2.5)
    /// Starting afresh (a new connection, a stuck queue thrown away): nothing goes out before a
    /// keyframe, and the sound waits here so it starts with the picture, not before it.
    private var startingAfresh = false
    private var soundBeforeKeyframe: [EncodedPacket] = []
    private var stats = WriterStats()
    /// Packets queued that the writer thread has not been woken for (`wake()`).
    private var unannounced = false
    private var done = false
    /// Hard bound on queued packets whatever their duration (a writer stuck in a call).
    private let maxQueued = 4000
    /// How often a writer working through a backlog looks at its socket.
    static let lookEvery = 0.1
    /// The writer thread's own: the TCP socket of the current connection, and which packet
    /// ends at which byte of it.
    private var socket: SocketBacklog?
    private var ledger = SendLedger()
    private var rate = LinkRate()
    /// When the server last acknowledged anything while the socket held some of the stream: a
    /// link that goes silent (a path that drops everything, a peer that stopped reading) is
    /// called lost after `writeTimeout`, though writes still fit in the socket's buffer.
    private var progress: (delivered: Int64, at: Double) = (0, 0)
    /// The current connection, for the encoder thread to write into (RTMP and RTMPS only, while
    /// connected), and when it came up.
    private var connection: (output: OutputFile, socket: SocketBacklog, since: Double)?
    /// The writer thread waits in `nextPacket` and touches neither its output nor its socket.
    private var parked = false
    /// The encoder thread is writing the queue itself; the writer thread waits until it is done.
    private var encoderWriting = false
    /// What ended the connection under the encoder thread's write, for the writer thread to
    /// take up (reconnect).
    private var encoderWriteError: Error?
    /// How long the encoder thread's write of a batch may take before the connection counts as
    /// failed (a socket with room does not make a send wait; this bounds the stall should the
    /// kernel disagree, and it is the writer thread that reconnects).
    static let encoderWriteLimit = 0.5
    /// The current connection has carried the stream for `provingTime`: its loss renews the
    /// retry budget.
    private var connectionProven = false
    /// The socket is corked (whoever writes owns it).
    private var corked = false
    /// Whether the encoder thread may write at all: not on a host that caps a socket's unsent
    /// bytes (`tcp_notsent_lowat`), where a send into a socket with room can still wait.
    static let encoderMayWrite: Bool = {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/tcp_notsent_lowat", encoding: .utf8),
              let value = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return true }
        return value >= UInt64(Int32.max)
    }()

    init(destination: Destination, video: Encoder, audio: Encoder, settings: Settings, events: EventBus) {
        self.destination = destination
        self.video = video
        self.audio = audio
        self.settings = settings
        self.events = events
        policy = DropPolicy(threshold: settings.dropThreshold, reportsDegraded: destination.isNetwork)
    }

    func start() {
        Thread.start(named: "shopcast-writer") { [self] in run() }
    }

    var snapshot: WriterStats {
        condition.lock(); defer { condition.unlock() }
        var copy = stats
        let now = lag
        copy.lag = connected ? max(now, lagPeak.peak(at: newest ?? 0)) : now
        return copy
    }

    /// How far behind the live edge the destination is: the newest packet offered against the
    /// oldest not delivered, or the time the link needs to carry what is pending, whichever is
    /// more.
    private var lag: Double {
        guard let newest, let oldest = oldestUndelivered else { return 0 }
        let draining = linkRate.map { Double(queuedBytes + socketBytes) / $0 } ?? 0
        return max(0, newest - oldest, draining)
    }

    /// How late `packet` would reach the server if queued now: once the link's rate is known,
    /// the time it takes to carry everything ahead of it; before, how far the oldest packet not
    /// delivered trails it.
    private func delay(of packet: EncodedPacket) -> Double {
        if let linkRate { return Double(queuedBytes + socketBytes + packet.size) / linkRate }
        return max(0, packet.seconds - (oldestUndelivered ?? packet.seconds))
    }

    /// The oldest packet not delivered yet: in the socket, else at the head of the queue.
    private var oldestUndelivered: Double? { socketHead ?? (queueIsEmpty ? nil : queue[head].seconds) }

    // MARK: queue (called from the encoder thread; never blocks on I/O)

    /// Queues one packet (or drops it, by the drop rules); the writer takes it up at the next
    /// `wake()`.
    func enqueue(_ packet: EncodedPacket) {
        condition.lock()
        guard !done, !ending else { condition.unlock(); return }
        newest = max(newest ?? packet.seconds, packet.seconds)
        let change = admit(packet)
        let lag = self.lag
        if connected { lagPeak.note(lag, at: packet.seconds) }
        condition.unlock()
        switch change {
        case .degraded?: events.publish(.destinationDegraded(destination: destination.display, lag: (lag * 100).rounded() / 100))
        case .recovered?: events.publish(.destinationRecovered(destination: destination.display, lag: (lag * 100).rounded() / 100))
        case nil: break
        }
    }

    /// Queues or drops one packet (under the lock); a change of the degraded state, if any.
    private func admit(_ packet: EncodedPacket) -> DropPolicy.Change? {
        if !connected {
            // Nobody to send to yet: keep only the newest keyframe and what follows it, so a
            // connection that comes up starts on a fresh keyframe.
            if packet.isVideo && packet.isKeyframe {
                stats.droppedPackets += queuedVideoCount()
                clear()
                startOn(packet)
            } else if queueIsEmpty {
                if packet.isVideo { stats.droppedPackets += 1 } else { holdSound(packet) }
            } else {
                append(packet)
            }
            return nil
        }
        if startingAfresh {
            takeWhileStartingAfresh(packet)
            return nil
        }
        let (keep, change) = policy.admit(isVideo: packet.isVideo, isKeyframe: packet.isKeyframe, seconds: packet.seconds,
                                          lag: delay(of: packet))
        switch change {
        case .degraded? where stats.state == .live: stats.state = .degraded
        case .recovered? where stats.state == .degraded: stats.state = .live
        default: break
        }
        guard keep else {
            stats.droppedPackets += 1
            return change
        }
        if queue.count - head >= maxQueued {
            // Stuck: throw the backlog away and restart on the next keyframe.
            stats.droppedPackets += queue.count - head
            clear()
            startingAfresh = true
            takeWhileStartingAfresh(packet)
            return change
        }
        append(packet)
        unannounced = true
        return change
    }

    /// Sends what was queued since the last call: written here and now when the writer thread
    /// waits and the socket has room for it, else handed to the writer thread. The encoder
    /// thread calls it every other frame or so (`LiveSession.wakeEvery`), so pictures and sound
    /// cost one hand-over a batch, not one a packet.
    func wake() {
        condition.lock()
        guard unannounced else { condition.unlock(); return }
        unannounced = false
        guard Self.encoderMayWrite, parked, !encoderWriting, encoderWriteError == nil, !ending, !queueIsEmpty,
              let connection else {
            condition.signal()
            condition.unlock()
            return
        }
        encoderWriting = true
        let pending = queuedBytes
        condition.unlock()
        guard connection.socket.hasRoom(for: pending) else {
            condition.lock()
            encoderWriting = false
            condition.signal()
            condition.unlock()
            return
        }
        writeHere(connection.output, since: connection.since)
    }

    /// The encoder thread writes what is queued into a socket with room (`wake()`), then looks at
    /// the socket as the writer thread would. The pen goes back to the writer thread after; it is
    /// woken only if there is something for it to do (a failure, the show ending, packets that
    /// came meanwhile).
    private func writeHere(_ output: OutputFile, since: Double) {
        condition.lock()
        let batch = Array(queue[head...])
        clear()
        condition.unlock()
        var sent = (packets: 0, bytes: 0)
        var failure: Error?
        do {
            interrupter.limit(Self.encoderWriteLimit)
            cork(true)
            for packet in batch {
                try output.write(packet)
                ledger.wrote(endingAt: output.bytesWritten, seconds: packet.seconds)
                sent.packets += 1
                sent.bytes += packet.size
            }
            cork(false)
            let look = lookAtSocket(output)
            try checkProgress(holding: look.bytes)
            condition.lock()
            (socketHead, socketBytes, linkRate) = look
            condition.unlock()
        } catch {
            // Described here: FFmpeg's own words (the server's reason) were logged on this thread.
            failure = ShopcastError(.unavailable, describe(error))
        }
        condition.lock()
        noteSent(packets: sent.packets, bytes: sent.bytes, since: since)
        encoderWriting = false
        encoderWriteError = failure
        if failure != nil || ending || !queueIsEmpty { condition.broadcast() }
        condition.unlock()
    }

    /// No more packets: drain, write the trailer, and stop within `deadline` seconds.
    func finish(deadline: Double) {
        condition.lock()
        ending = true
        condition.broadcast()
        condition.unlock()
        condition.lock()
        let finished = condition.wait(seconds: deadline) { done }
        condition.unlock()
        if !finished {
            interrupter.abort()
            condition.lock()
            _ = condition.wait(seconds: 2) { done }
            condition.unlock()
        }
    }

    /// The writer thread has ended (trailer written or given up) and holds no packets.
    var isDone: Bool {
        condition.lock(); defer { condition.unlock() }
        return done
    }

    private var queueIsEmpty: Bool { head >= queue.count }

    /// Starting afresh: a keyframe starts the queue again (with the sound from its time on);
    /// pictures before it are dropped, sound before it waits.
    private func takeWhileStartingAfresh(_ packet: EncodedPacket) {
        if packet.isVideo && packet.isKeyframe {
            startingAfresh = false
            policy.restart()
            startOn(packet)
            unannounced = true
        } else if packet.isVideo {
            stats.droppedPackets += 1
        } else {
            holdSound(packet)
        }
    }

    /// Sound waiting for a fresh start's keyframe: the last few seconds of it.
    private func holdSound(_ packet: EncodedPacket) {
        soundBeforeKeyframe.append(packet)
        if let first = soundBeforeKeyframe.first, packet.seconds - first.seconds > 3 { soundBeforeKeyframe.removeFirst() }
    }

    /// A fresh start: the keyframe, then the held sound from its time on (an encoder's delay
    /// has the sound of that moment come out before the picture).
    private func startOn(_ keyframe: EncodedPacket) {
        append(keyframe)
        for sound in soundBeforeKeyframe where sound.presentation >= keyframe.presentation - 0.001 { append(sound) }
        soundBeforeKeyframe.removeAll()
    }

    private func append(_ packet: EncodedPacket) {
        queue.append(packet)
        queuedBytes += packet.size
    }

    private func clear() {
        queue.removeAll(keepingCapacity: true)
        queuedBytes = 0
        head = 0
    }

    private func queuedVideoCount() -> Int { queue[head...].filter { $0.isVideo }.count }

    /// Blocks for the next packet; nil once ending and drained. While the socket still holds
    /// some of the stream, what it holds is looked at again every 0.1 s.
    private func nextPacket(_ output: OutputFile) throws -> EncodedPacket? {
        condition.lock()
        parked = true
        defer {
            parked = false
            condition.unlock()
        }
        while true {
            if let error = encoderWriteError {
                encoderWriteError = nil
                throw error
            }
            if encoderWriting {
                condition.wait()
            } else if !queueIsEmpty || ending {
                break
            } else if socketHead == nil {
                cork(false)
                condition.wait()
            } else {
                cork(false)
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
                if !encoderWriting { (socketHead, socketBytes, linkRate) = lookAtSocket(output) }
            }
        }
        guard !queueIsEmpty else { return nil }
        let packet = queue[head]
        head += 1
        queuedBytes -= packet.size
        if head > 256 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        return packet
    }

    private func setState(_ state: WriterState) {
        condition.lock()
        stats.state = state
        condition.unlock()
    }

    /// Sleeps `seconds` unless the show ends first; false when it ended. Relative steps on the
    /// monotonic clock, so a wall-clock change cannot stretch a backoff.
    private func pause(_ seconds: Double) -> Bool {
        let until = MonotonicClock.now() + seconds
        while !isEnding {
            let left = until - MonotonicClock.now()
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
        return false
    }

    // MARK: the writer thread

    private func run() {
        var lastError: Error?
        // Retries count across connections until one proves itself, so an ingest that accepts
        // and at once drops the stream (a wrong key) still runs out of --retries.
        var retriesUsed = 0
        // The same refusal from the server, over and over (a wrong key, a stream name already
        // publishing): counted, so the destination stops retrying (unless --retries was given).
        var refusal: (reason: String, count: Int)?
        while true {
            let reconnector = Reconnector(backoff: settings.backoff, maxRetries: destination.isNetwork ? settings.maxRetries : 0)
            var gaveUpError: Error?
            let output = reconnector.run(
                initialError: lastError,
                previousRetries: retriesUsed,
                attempt: { () throws -> OutputFile in
                    if isEnding { throw CancellationError() }
                    setState(.connecting)
                    return try open()
                },
                onFailure: { failure in
                    guard !isEnding else { return }
                    switch failure {
                    case let .retrying(retry, wait, error):
                        retriesUsed = retry
                        let reason = refusal?.reason ?? describe(error)
                        condition.lock()
                        stats.state = .retrying(retry: retry, wait: wait)
                        stats.reason = reason
                        condition.unlock()
                        events.publish(.destinationRetrying(destination: destination.display, attempt: retry,
                                                            wait: (wait * 100).rounded() / 100, error: reason))
                    case let .gaveUp(error):
                        if let refusal, refusal.count >= Self.refusalsBeforeGivingUp {
                            gaveUpError = ShopcastError(.unavailable, "\(refusal.reason); refused \(refusal.count) times the same way, "
                                + "so shopcast stopped retrying (--retries N keeps trying)")
                        } else {
                            gaveUpError = error
                        }
                    }
                },
                sleep: { pause($0) },
                giveUp: { error in
                    // Unreachable servers are retried as long as --retries allows; a server that
                    // answers with the same refusal is not, past a few times.
                    guard settings.maxRetries == nil, Self.isRefusal(error) else { refusal = nil; return false }
                    let reason = describe(error)
                    refusal = refusal?.reason == reason ? (reason, refusal!.count + 1) : (reason, 1)
                    return refusal!.count >= Self.refusalsBeforeGivingUp
                })
            guard let output else {
                finishWithoutConnection(gaveUp: gaveUpError)
                return
            }
            condition.lock()
            connected = true
            connectionProven = false
            stats.state = .live
            policy.reset()
            lagPeak.reset()
            // A backlog older than the drop threshold is stale: start on the next keyframe instead.
            if !queueIsEmpty, let last = queue.last, last.seconds - queue[head].seconds > settings.dropThreshold {
                stats.droppedPackets += queuedVideoCount()
                clear()
                startingAfresh = true
            }
            condition.unlock()
            events.publish(.destinationConnected(destination: destination.display, attempt: stats.lostCount + 1))
            let connectedAt = MonotonicClock.now()
            do {
                try send(to: output, since: connectedAt)
                interrupter.limit(destination.isNetwork ? settings.writeTimeout : nil)
                try output.finish()
                setState(.finished)
                markDone()
                return
            } catch {
                let quickly = MonotonicClock.now() - connectedAt < Self.provingTime
                // Up and taking the stream for a while: a loss now starts a fresh retry budget.
                condition.lock()
                if connectionProven { retriesUsed = 0 }
                condition.unlock()
                condition.lock()
                connected = false
                policy.reset()
                (socketHead, socketBytes, linkRate) = (nil, 0, nil)
                startingAfresh = false
                soundBeforeKeyframe.removeAll()
                stats.lostCount += 1
                clear()
                condition.unlock()
                var message = describe(error)
                let closedAtOnce = destination.isNetwork && quickly && !isEnding
                if closedAtOnce {
                    message += " (the server closed the stream right after it started: check the stream key and the application name)"
                }
                if !destination.isNetwork {
                    // A recording is never reopened: that would overwrite what was saved.
                    setState(.failed(message))
                    events.publish(.destinationFailed(destination: destination.display, error: message))
                    markDone()
                    return
                }
                events.publish(.destinationLost(destination: destination.display, error: message))
                lastError = closedAtOnce ? ClosedAtOnce(message: message) : ShopcastError(.unavailable, message)
            }
        }
    }

    private var isEnding: Bool {
        condition.lock(); defer { condition.unlock() }
        return ending
    }

    /// Writes until the show ends (the connection came up at `since`).
    private func send(to output: OutputFile, since: Double) throws {
        socket = destination.isNetwork ? output.socketBacklog() : nil
        corked = false
        ledger.reset()
        rate.reset()
        progress = (0, since)
        condition.lock()
        // RTMP(S) only: SRT's library keeps its own buffer, which a TCP look cannot see.
        if let socket, destination.kind == .rtmp || destination.kind == .rtmps { connection = (output, socket, since) }
        condition.unlock()
        defer {
            condition.lock()
            connection = nil
            condition.unlock()
            socket = nil
        }
        var lastLook = -Double.infinity
        while let packet = try nextPacket(output) {
            interrupter.limit(destination.isNetwork ? settings.writeTimeout : nil)
            cork(true)
            try output.write(packet)
            if socket != nil { ledger.wrote(endingAt: output.bytesWritten, seconds: packet.seconds) }
            condition.lock()
            noteSent(packets: 1, bytes: packet.size, since: since)
            let caughtUp = queueIsEmpty
            condition.unlock()
            // A batch goes out corked: its small writes leave as full segments (see `cork`).
            if caughtUp { cork(false) }
            // The socket is asked what it holds once the writer has caught up with its queue
            // (once a wake-up), or every `lookEvery` through a backlog: one ioctl a batch, not
            // one a packet.
            guard socket != nil else { continue }
            let now = MonotonicClock.now()
            guard caughtUp || now - lastLook >= Self.lookEvery else { continue }
            lastLook = now
            let look = lookAtSocket(output)
            try checkProgress(holding: look.bytes)
            condition.lock()
            (socketHead, socketBytes, linkRate) = look
            condition.unlock()
        }
        cork(false)
        // A show shorter than the proving time still reached a destination that took all of it.
        condition.lock()
        stats.everConnected = true
        condition.unlock()
    }

    /// Counts what went out (under the lock). A connection that still takes the stream
    /// `provingTime` after it came up has reached the destination.
    private func noteSent(packets: Int, bytes: Int, since: Double) {
        stats.sentPackets += packets
        stats.sentBytes += bytes
        if packets > 0, !connectionProven, MonotonicClock.now() - since >= Self.provingTime {
            connectionProven = true
            stats.everConnected = true
        }
    }

    /// Corks or uncorks the connection's socket (see `SocketBacklog.cork`), if it has one and
    /// is not that way already. By whoever writes.
    private func cork(_ on: Bool) {
        guard on != corked, let socket else { return }
        socket.cork(on)
        corked = on
    }

    /// A link that holds some of the stream and has had nothing acknowledged for `writeTimeout`
    /// is lost, though writes still fit in the socket's buffer.
    private func checkProgress(holding bytes: Int) throws {
        let now = MonotonicClock.now()
        if bytes > 0, now - progress.at > settings.writeTimeout {
            throw ShopcastError(.unavailable, String(format: "send: the server acknowledged nothing for %.0f s", now - progress.at))
        }
    }

    /// What the socket holds: the stream time of its oldest packet not delivered (nil when it
    /// holds nothing, or cannot be asked), its bytes, and the link's rate once known. By
    /// whoever writes: the writer thread, or the encoder thread holding the pen.
    private func lookAtSocket(_ output: OutputFile) -> (head: Double?, bytes: Int, rate: Double?) {
        guard let socket, let unacknowledged = socket.unacknowledgedBytes else { return (nil, 0, nil) }
        let delivered = output.bytesWritten - Int64(unacknowledged)
        let now = MonotonicClock.now()
        if delivered > progress.delivered || unacknowledged == 0 { progress = (delivered, now) }
        rate.note(delivered: delivered, unacknowledged: unacknowledged, at: now)
        return (ledger.undelivered(after: delivered), unacknowledged, rate.bytesPerSecond)
    }

    private func finishWithoutConnection(gaveUp error: Error?) {
        if let error {
            let message = describe(error)
            setState(.failed(message))
            events.publish(.destinationFailed(destination: destination.display, error: message))
        } else {
            setState(.stopped)
        }
        markDone()
    }

    private func markDone() {
        condition.lock()
        done = true
        (socketHead, socketBytes, linkRate) = (nil, 0, nil)
        clear()
        condition.broadcast()
        condition.unlock()
    }

    private func open() throws -> OutputFile {
        try Self.open(destination, video: video, audio: audio, settings: settings, interrupter: interrupter)
    }

    private func describe(_ error: Error) -> String {
        Self.describe(error, destination: destination, caFile: settings.caFile)
    }
}
