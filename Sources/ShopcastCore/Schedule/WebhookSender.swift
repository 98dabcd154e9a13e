import Foundation

/// POSTs each event to every webhook. Each (event, webhook) delivery is independent: a
/// failing shop endpoint is retried with backoff on its own timer and never delays the next
/// event, nor delivery to the other webhooks.
public final class WebhookSender: @unchecked Sendable {
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
    private let group = DispatchGroup()
    /// Each attempt blocks a worker of its own while it waits for the shop's answer.
    private let workers = DispatchQueue(label: "shopcast.webhooks", attributes: .concurrent)
    private let onOutcome: @Sendable (Outcome) -> Void

    /// `secret` signs each delivery as the Standard Webhooks specification says (`webhook-id`,
    /// `webhook-timestamp`, `webhook-signature`), afresh at each attempt.
    public init(urls: [URL], secret: WebhookSecret?, policy: RetryPolicy = RetryPolicy(),
                onOutcome: @escaping @Sendable (Outcome) -> Void) {
        self.urls = urls
        self.secret = secret
        self.policy = policy
        self.onOutcome = onOutcome
    }

    /// Starts delivering `body` to every webhook; returns at once. Each webhook gets its own
    /// message id (`webhook-id`), kept across that delivery's retries.
    public func send(_ body: Data, event: String, sequence: Int) {
        let headers = [("Content-Type", "application/json"), ("User-Agent", "shopcast/\(ShopcastVersion.current)"),
                       ("X-Shopcast-Event", event)]
        for url in urls {
            group.enter()
            let delivery = Delivery(url: url, id: "msg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""),
                                    body: body, headers: headers, event: event, sequence: sequence)
            workers.async { self.attempt(delivery, number: 1) }
        }
    }

    /// Waits for every delivery to succeed or give up, at most `timeout` seconds; false on timeout.
    public func finish(timeout: Double) -> Bool {
        group.wait(timeout: .now() + timeout) == .success
    }

    private struct Delivery {
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
        if retryable, number < policy.attempts {
            let delay = policy.firstDelay * pow(policy.factor, Double(number - 1))
            workers.asyncAfter(deadline: .now() + delay) { self.attempt(delivery, number: number + 1) }
            return
        }
        onOutcome(Outcome(url: delivery.url, event: delivery.event, sequence: delivery.sequence, attempts: number,
                          delivered: ok, detail: detail))
        group.leave()
    }
}
