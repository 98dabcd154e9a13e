import Foundation

/// What became of a command sent to a running show.
public enum CommandOutcome: Sendable {
    /// Applied: on screen from the frame at `streamTime` (show offset `offset`); `state` is
    /// the show right after it. `journalError` says why the journal could not keep it, if so.
    case applied(streamTime: Double, offset: Double, state: ShowState, journalError: String?)
    case refused(CommandRefusal)
}

/// The show of a running go-live, shared by the threads that touch it: the encoder thread asks
/// for each frame's state (`frame(at:)`), which first applies the commands that arrived since
/// the previous frame, in order, each at the stream time it arrived (so one that arrives just
/// before a scheduled offer comes due acts on what was on screen when it was sent); the control
/// API submits commands (`submit`) and reads the latest snapshot. The director itself is only
/// ever used from the encoder thread, so a command lands between two frames and never delays
/// one. Events go to the bus once, whatever draws them. With a journal, an applied command's
/// events go out, and its sender hears back, once the journal holds it on disk.
public final class LiveShow: @unchecked Sendable {
    public let manifest: Manifest
    private let bus: EventBus
    private let journal: ShowJournal?
    private let lock = NSLock()
    private var inbox: [(ticket: Int, command: ShowCommand, origin: String, arrival: Double?, reply: @Sendable (CommandOutcome) -> Void)] = []
    /// Stream time now, once the stream has started.
    private var clock: (@Sendable () -> Double)?
    /// At most this many commands wait for a frame; more are refused (503).
    static let maxWaiting = 256
    private var tickets = 0
    private var director: ShowDirector?
    private var latest: ShowState
    private var offsetAtStart = 0.0
    private var origin: Date?
    private var finished = false
    private var counters = Counters()
    /// Chat news waiting for a frame, with their stream time of arrival; bounded, oldest kept
    /// (a flood's newest are the ones that would be rate-limited away anyway).
    private var chatInbox: [(event: ChatEvent, arrival: Double?)] = []
    static let maxChatWaiting = 1000

    /// Counts for the control API's metrics.
    public struct Counters: Sendable {
        public var applied = 0
        public var refused = 0
        public var offersShown = 0
        /// Chat news that found the queue full and were dropped before the director.
        public var chatOverflow = 0
    }

    /// Where every chat event goes, as `ChatLog` lines, when go-live keeps a chat log.
    public var chatLog: (@Sendable (String) -> Void)?

    public init(manifest: Manifest, bus: EventBus, journal: ShowJournal? = nil) {
        self.manifest = manifest
        self.bus = bus
        self.journal = journal
        latest = ShowState(version: 0, offset: 0, offer: nil, stock: [:], banners: [], next: nil, over: false)
    }

    /// The wall-clock moment of show offset 0 for a stream starting at `date`: the journal's when
    /// resuming one, else `show.starts`, else the stream's start.
    public func origin(streamStart date: Date) -> Date {
        journal?.contents?.origin ?? manifest.origin(streamStart: date)
    }

    /// Stream seconds at which the show (`show.duration`) is over, for a stream starting at `date`.
    public func streamEnd(after date: Date) -> Double? {
        guard let length = manifest.show.duration else { return nil }
        return length - date.timeIntervalSince(origin(streamStart: date))
    }

    /// Called once, with the wall-clock moment of stream time 0 and the stream's clock, before
    /// the first frame. Replays the journal, if it holds a show: what the aired show reached is
    /// rebuilt in silence, what came and went while go-live was down passes in silence too (the
    /// offer on screen then, if its time ran out, ends now), and the offer on screen is
    /// announced again (`offer.start`), for a shop told `offer.end` when the show was stopped.
    public func streamStarted(at date: Date, clock: @escaping @Sendable () -> Double) {
        let origin = self.origin(streamStart: date)
        let offset = date.timeIntervalSince(origin)
        let director: ShowDirector
        var resumed: [ShowDirector.Change] = []
        var replayed = 0
        if let contents = journal?.contents {
            director = ShowDirector(manifest: manifest, start: contents.start)
            for entry in contents.commands { _ = director.apply(entry.command, at: entry.offset) }
            director.advance(to: min(contents.reached, offset))
            resumed = director.resume(at: offset)
            replayed = contents.commands.count
        } else {
            director = ShowDirector(manifest: manifest, start: offset)
            journal?.begin(origin: origin, start: offset, showTitle: manifest.show.title)
        }
        bus.encoder.setOrigin(origin)
        lock.lock()
        self.director = director
        self.origin = origin
        self.clock = clock
        offsetAtStart = offset
        latest = director.state
        lock.unlock()
        if journal?.contents != nil {
            publish(resumed, streamTime: 0)
            let state = director.state
            bus.publish(.showResumed(commands: replayed, offer: state.offer?.id), offset: state.offset, streamTime: 0)
            if let offer = state.offer, !resumed.contains(where: { if case .offerStarted = $0.event { return true } else { return false } }) {
                bus.publish(.offerStarted(offer, units: state.units(of: offer.product.id)), offset: state.offset, streamTime: 0)
            }
        }
    }

    /// The latest state (as of the last frame), from any thread.
    public var snapshot: ShowState {
        lock.lock(); defer { lock.unlock() }
        return latest
    }

    /// Show offset of a stream time.
    public func offset(streamTime: Double) -> Double {
        lock.lock(); defer { lock.unlock() }
        return streamTime + offsetAtStart
    }

    public var counts: Counters {
        lock.lock(); defer { lock.unlock() }
        return counters
    }

    /// Sends a command; `reply` hears (from another thread) what became of it: applied on the
    /// next frame and journalled, or refused. Never blocks. Returns a ticket for `withdraw`.
    @discardableResult
    public func submit(_ command: ShowCommand, origin: String, reply: @escaping @Sendable (CommandOutcome) -> Void) -> Int {
        lock.lock()
        guard !finished else {
            lock.unlock()
            reply(.refused(CommandRefusal(.conflict, "the show is over")))
            return 0
        }
        guard inbox.count < Self.maxWaiting else {
            lock.unlock()
            reply(.refused(CommandRefusal(.unavailable, "too many commands are waiting for a frame; try again")))
            return 0
        }
        tickets += 1
        let ticket = tickets
        inbox.append((ticket, command, origin, clock?(), reply))
        lock.unlock()
        return ticket
    }

    /// Chat news from a source: applied on the next frame, at the moment it arrived. Never
    /// blocks; not journaled and not answered (chat is what viewers say, not the producer).
    /// False when it was not taken: the show is over, or too much chat waits for a frame.
    @discardableResult
    public func receive(_ event: ChatEvent) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return false }
        guard chatInbox.count < Self.maxChatWaiting else {
            counters.chatOverflow += 1
            return false
        }
        chatInbox.append((event, clock?()))
        return true
    }

    /// Takes a command back if no frame has taken it yet (its sender gave up waiting); true when
    /// it was, and its reply will never come.
    public func withdraw(_ ticket: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let index = inbox.firstIndex(where: { $0.ticket == ticket }) else { return false }
        inbox.remove(at: index)
        return true
    }

    /// The stream has started: frames are being made and commands land within one.
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        return director != nil && !finished
    }

    /// The encoder thread, before drawing the frame at `streamTime`: applies what arrived, each
    /// at the moment it arrived (never before the director's last moment, never after this
    /// frame), lets the schedule move on, publishes what changed, and returns the state to draw.
    public func frame(at streamTime: Double) -> ShowState? {
        lock.lock()
        guard let director, !finished else {
            lock.unlock()
            return nil
        }
        let commands = inbox
        inbox.removeAll()
        let chat = chatInbox
        chatInbox.removeAll()
        let t = streamTime + offsetAtStart
        let offsetAtStart = self.offsetAtStart
        lock.unlock()

        var replies: [() -> Void] = []
        var applied = 0, refused = 0
        for item in commands {
            let at = min(max((item.arrival ?? streamTime) + offsetAtStart, director.offset), t)
            let before = director.advance(to: at)
            if !before.isEmpty { journal?.reached(at) }
            publish(before, streamTime: streamTime)
            switch director.apply(item.command, at: at) {
            case .success(let made):
                applied += 1
                let state = director.state
                let announce: () -> Void = { [self] in
                    bus.publish(.commandApplied(item.command, origin: item.origin), offset: at, streamTime: streamTime)
                    publish(made, streamTime: streamTime)
                }
                if let journal {
                    // On disk first: what the shop hears of, and the producer's answer, survive a crash.
                    journal.record(item.command, offset: at) { error in
                        announce()
                        item.reply(.applied(streamTime: streamTime, offset: t, state: state, journalError: error))
                    }
                } else {
                    announce()
                    replies.append { item.reply(.applied(streamTime: streamTime, offset: t, state: state, journalError: nil)) }
                }
            case .failure(let refusal):
                refused += 1
                bus.publish(.commandRefused(item.command, origin: item.origin, reason: refusal.message), offset: at, streamTime: streamTime)
                replies.append { item.reply(.refused(refusal)) }
            }
        }
        for item in chat {
            let at = min(max((item.arrival ?? streamTime) + offsetAtStart, director.offset), t)
            chatLog?(ChatLog.line(item.event, offset: at))
            let made = director.receive(item.event, at: at)
            if !made.isEmpty { journal?.reached(at) }
            publish(made, streamTime: streamTime)
        }
        let changes = director.advance(to: t)
        if !changes.isEmpty { journal?.reached(t) }
        publish(changes, streamTime: streamTime)
        let state = director.state
        lock.lock()
        latest = state
        counters.applied += applied
        counters.refused += refused
        lock.unlock()
        for reply in replies { reply() }
        return state
    }

    /// The stream ends at `streamTime`: the live offer and banners go (events say so), waiting
    /// and later commands are refused.
    public func finish(at streamTime: Double) {
        lock.lock()
        let pending = inbox
        inbox.removeAll()
        finished = true
        let director = self.director
        let t = streamTime + offsetAtStart
        lock.unlock()
        if let director {
            publish(director.finish(at: t), streamTime: streamTime)
            lock.lock()
            latest = director.state
            lock.unlock()
        }
        for item in pending { item.reply(.refused(CommandRefusal(.conflict, "the show is over"))) }
        journal?.flush(timeout: 2)
    }

    private func publish(_ changes: [ShowDirector.Change], streamTime: Double) {
        var shown = 0
        for change in changes {
            if case .offerStarted = change.event { shown += 1 }
            bus.publish(change.event, offset: change.offset, streamTime: streamTime)
        }
        if shown > 0 {
            lock.lock()
            counters.offersShown += shown
            lock.unlock()
        }
    }
}
