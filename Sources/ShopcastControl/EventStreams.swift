import Foundation
import ShopcastCore

/// The control API's live event stream: every event line of the run, to each WebSocket and
/// server-sent-events client. Each client has a bounded backlog: one that falls `backlog`
/// events behind is dropped (its connection closes without the show's last event, so it can
/// tell; it can reconnect and read the state) rather than grow the show's memory or slow anyone.
final class EventStreams: EventSink, @unchecked Sendable {
    static let backlog = 1000

    /// One client: where its lines go, and how many it has not written yet.
    private final class Client: @unchecked Sendable {
        let line: (String) -> Void
        let end: (_ dropped: Bool) -> Void
        var waiting = 0

        init(line: @escaping (String) -> Void, end: @escaping (Bool) -> Void) {
            self.line = line
            self.end = end
        }
    }

    private let lock = NSLock()
    private var clients: [Int: Client] = [:]
    private var next = 0
    private var closed = false

    /// Adds a client. `line` and `end` are called on the bus's thread (they should hop to the
    /// client's own); each written line must be acknowledged with `written(id)`. nil once the
    /// show is ending.
    func subscribe(line: @escaping (String) -> Void, end: @escaping (_ dropped: Bool) -> Void) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return nil }
        next += 1
        clients[next] = Client(line: line, end: end)
        return next
    }

    /// A client has written one more line.
    func written(_ id: Int) {
        lock.lock()
        if let client = clients[id], client.waiting > 0 { client.waiting -= 1 }
        lock.unlock()
    }

    /// A client went away.
    func unsubscribe(_ id: Int) {
        lock.lock()
        clients.removeValue(forKey: id)
        lock.unlock()
    }

    /// The show is not ending: new clients are welcome.
    var isOpen: Bool {
        lock.lock(); defer { lock.unlock() }
        return !closed
    }

    /// How many clients are listening.
    var count: Int {
        lock.lock(); defer { lock.unlock() }
        return clients.count
    }

    func receive(_ record: EventRecord, line: String) {
        var deliver: [Client] = []
        var dropped: [Client] = []
        lock.lock()
        for (id, client) in clients {
            if client.waiting >= Self.backlog {
                clients.removeValue(forKey: id)
                dropped.append(client)
            } else {
                client.waiting += 1
                deliver.append(client)
            }
        }
        lock.unlock()
        for client in deliver { client.line(line) }
        for client in dropped { client.end(true) }
    }

    /// Ends every stream (the show is over): each client gets what was published before.
    func closeAll() {
        lock.lock()
        closed = true
        let all = clients
        clients.removeAll()
        lock.unlock()
        for client in all.values { client.end(false) }
    }
}
