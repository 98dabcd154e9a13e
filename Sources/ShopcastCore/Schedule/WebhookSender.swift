import Foundation

/// POSTs each event to every webhook. Each (event, webhook) delivery is independent: a
/// failing shop endpoint is retried with backoff on its own timer and never delays the next
/// event, nor delivery to the other webhooks. Per webhook, at most `Limits.concurrent` attempts
/// are under way at once and at most `Limits.waiting` more wait for a turn; past that the
/// oldest waiting delivery is dropped (and reported): a shop that hangs or is down during a
/// busy show costs a bounded number of threads and memory, and gets the newest events.
public final class WebhookSender: @unchecked Sendable {
    public struct Limits: Sendable {
        public var concurrent = 16
        public var waiting = 1000
        public init(concurrent: Int = 16, waiting: Int = 1000) {
            self.concurrent = max(1, concurrent)
            self.waiting = max(0, waiting)
        }
    }

    /// How hard to try one delivery.
    public struct RetryPolicy: Sendable {
        public var attempts = 5
        public var firstDelay = 0.5
        public var factor = 2.0
        public var timeout = 5.0
        public init() {}
    }

    /// The final outcome of one delivery, reported once.
    public struct Outcome: Sendable {
        public let url: URL
        public let event: String
        public let sequence: Int
        public let attempts: Int
        public let delivered: Bool
        /// The last HTTP status or transport error, for messages.
        public let detail: String
    }

    public let urls: [URL]
    private let secret: WebhookSecret?
    private let policy: RetryPolicy
    private let limits: Limits
    private let group = DispatchGroup()
    /// Per webhook (by position in `urls`): attempts under way, and deliveries waiting for a turn.
    private let lock = NSLock()
    private var running: [Int]
    private var waiting: [[(Delivery, Int)]]
    /// Each attempt blocks a worker of its own while it waits for the shop's answer (hence the
    /// per-webhook limit).
    private let workers = DispatchQueue(label: "shopcast.webhooks", attributes: .concurrent)
    private let onOutcome: @Sendable (Outcome) -> Void

    /// `secret` signs each delivery as the Standard Webhooks specification says (`webhook-id`,
    /// `webhook-timestamp`, `webhook-signature`), afresh at each attempt.
    public init(urls: [URL], secret: WebhookSecret?, policy: RetryPolicy = RetryPolicy(), limits: Limits = Limits(),
                onOutcome: @escaping @Sendable (Outcome) -> Void) {
        self.urls = urls
        self.secret = secret
        self.policy = policy
        self.limits = limits
        self.onOutcome = onOutcome
        running = Array(repeating: 0, count: urls.count)
        waiting = Array(repeating: [], count: urls.count)
    }

    /// Starts delivering `body` to every webhook; returns at once. Each webhook gets its own
    /// message id (`webhook-id`), kept across that delivery's retries.
    public func send(_ body: Data, event: String, sequence: Int) {
        let headers = [("Content-Type", "application/json"), ("User-Agent", "shopcast/\(ShopcastVersion.current)"),
                       ("X-Shopcast-Event", event)]
        for (lane, url) in urls.enumerated() {
            group.enter()
            let delivery = Delivery(lane: lane, url: url, id: "msg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""),
                                    body: body, headers: headers, event: event, sequence: sequence)
            start(delivery, number: 1)
        }
    }

    /// Runs attempt `number` of `delivery` now if its webhook has a free slot, else queues it
    /// (dropping the oldest waiting delivery when too many wait).
    private func start(_ delivery: Delivery, number: Int) {
        lock.lock()
        guard running[delivery.lane] >= limits.concurrent else {
            running[delivery.lane] += 1
            lock.unlock()
            workers.async { self.attempt(delivery, number: number) }
            return
        }
        waiting[delivery.lane].append((delivery, number))
        let dropped = waiting[delivery.lane].count > limits.waiting ? waiting[delivery.lane].removeFirst() : nil
        let queued = waiting[delivery.lane].count
        lock.unlock()
        if let (old, tried) = dropped {
            report(old, attempts: tried - 1, delivered: false,
                   detail: "dropped: \(queued) newer deliveries were waiting behind \(limits.concurrent) unanswered ones")
        }
    }

    /// An attempt of `lane` is over: its slot goes to the next waiting delivery, if any.
    private func finishAttempt(lane: Int) {
        lock.lock()
        let next = waiting[lane].isEmpty ? nil : waiting[lane].removeFirst()
        if next == nil { running[lane] -= 1 }
        lock.unlock()
        if let (delivery, number) = next { workers.async { self.attempt(delivery, number: number) } }
    }

    private func report(_ delivery: Delivery, attempts: Int, delivered: Bool, detail: String) {
        onOutcome(Outcome(url: delivery.url, event: delivery.event, sequence: delivery.sequence, attempts: attempts,
                          delivered: delivered, detail: detail))
        group.leave()
    }

    /// Waits for every delivery to succeed or give up, at most `timeout` seconds; false on timeout.
    public func finish(timeout: Double) -> Bool {
        group.wait(timeout: .now() + timeout) == .success
    }

    private struct Delivery {
        let lane: Int
        let url: URL
        let id: String
        let body: Data
        let headers: [(String, String)]
        let event: String
        let sequence: Int
    }

    private func attempt(_ delivery: Delivery, number: Int) {
        var status: Int?
        var detail: String
        _ = FFmpegLog.takeLastError()  // an earlier delivery's, on this worker thread
        do {
            // Signed at each attempt: the timestamp says when this attempt was made, which is
            // what a receiver's replay window checks.
            let timestamp = Int(Date().timeIntervalSince1970)
            var headers = delivery.headers + [("X-Shopcast-Attempt", String(number)), ("webhook-id", delivery.id),
                                              ("webhook-timestamp", String(timestamp))]
            if let secret {
                headers.append(("webhook-signature", try secret.signature(id: delivery.id, timestamp: timestamp, body: delivery.body)))
            }
            let code = try HTTPClient.post(delivery.body, to: delivery.url, headers: headers, timeout: policy.timeout)
            status = code
            detail = "HTTP \(code)"
        } catch {
            // FFmpeg's own words ("Connection to tcp://... failed: Connection refused") say more.
            let timedOut = (error as? FFmpegError)?.isTimeout ?? false
            detail = "\(error)"
            if !timedOut, let words = FFmpegLog.takeLastError() { detail += " (\(words))" }
        }
        let ok = status.map { (200..<300).contains($0) } ?? false
        // 4xx other than 408 and 429 will not get better by asking again; nor will a redirect.
        let retryable = !ok && (status == nil || status! >= 500 || status == 408 || status == 429)
        finishAttempt(lane: delivery.lane)
        if retryable, number < policy.attempts {
            // The slot is free while the retry waits; the retry queues for one again.
            let delay = policy.firstDelay * pow(policy.factor, Double(number - 1))
            workers.asyncAfter(deadline: .now() + delay) { self.start(delivery, number: number + 1) }
            return
        }
        report(delivery, attempts: number, delivered: ok, detail: detail)
    }
}
