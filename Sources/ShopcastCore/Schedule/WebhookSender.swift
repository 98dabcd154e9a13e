import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    private let secret: Data?
    private let policy: RetryPolicy
    private let session: URLSession
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "shopcast.webhooks")
    private let onOutcome: @Sendable (Outcome) -> Void

    /// `secret` signs each body with HMAC-SHA256 (`X-Shopcast-Signature: sha256=<hex>`).
    public init(urls: [URL], secret: Data?, policy: RetryPolicy = RetryPolicy(),
                onOutcome: @escaping @Sendable (Outcome) -> Void) {
        self.urls = urls
        self.secret = secret
        self.policy = policy
        self.onOutcome = onOutcome
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration)
    }

    /// Starts delivering `body` to every webhook; returns at once.
    public func send(_ body: Data, event: String, sequence: Int) throws {
        let signature = try secret.map { "sha256=" + (try HMACSHA256.hex(body, key: $0)) }
        let delivery = UUID().uuidString.lowercased()
        for url in urls {
            var request = URLRequest(url: url, timeoutInterval: policy.timeout)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("shopcast/\(ShopcastVersion.current)", forHTTPHeaderField: "User-Agent")
            request.setValue(event, forHTTPHeaderField: "X-Shopcast-Event")
            request.setValue(delivery, forHTTPHeaderField: "X-Shopcast-Delivery")
            if let signature { request.setValue(signature, forHTTPHeaderField: "X-Shopcast-Signature") }
            group.enter()
            attempt(request, url: url, event: event, sequence: sequence, number: 1)
        }
    }

    /// Waits for every delivery to succeed or give up, at most `timeout` seconds; false on timeout.
    public func finish(timeout: Double) -> Bool {
        group.wait(timeout: .now() + timeout) == .success
    }

    private func attempt(_ request: URLRequest, url: URL, event: String, sequence: Int, number: Int) {
        var numbered = request
        numbered.setValue(String(number), forHTTPHeaderField: "X-Shopcast-Attempt")
        session.dataTask(with: numbered) { [self] _, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            let ok = status.map { (200..<300).contains($0) } ?? false
            let detail = error.map { "\($0.localizedDescription)" } ?? status.map { "HTTP \($0)" } ?? "no response"
            // 4xx other than 408 and 429 will not get better by asking again.
            let retryable = !ok && (status == nil || status! >= 500 || status == 408 || status == 429)
            if retryable, number < policy.attempts {
                let delay = policy.firstDelay * pow(policy.factor, Double(number - 1))
                queue.asyncAfter(deadline: .now() + delay) {
                    self.attempt(request, url: url, event: event, sequence: sequence, number: number + 1)
                }
                return
            }
            onOutcome(Outcome(url: url, event: event, sequence: sequence, attempts: number, delivered: ok, detail: detail))
            group.leave()
        }.resume()
    }
}
