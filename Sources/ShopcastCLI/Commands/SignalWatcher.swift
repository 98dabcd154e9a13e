import Foundation

/// SIGINT and SIGTERM, counted: the first stops cleanly, the second quits at once.
final class SignalWatcher {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0
    /// Its own thread: a pool busy with blocked work (webhooks waiting on a shop) must not
    /// delay a signal.
    private let queue = DispatchQueue(label: "shopcast.signals")

    init(handler: @escaping (Int) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                // Signals that arrive together are one event: data says how many.
                self.count += max(1, Int(source.data))
                let n = self.count
                self.lock.unlock()
                handler(n)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
    }
}
