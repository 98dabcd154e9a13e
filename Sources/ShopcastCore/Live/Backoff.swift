import Foundation

/// Waits between reconnection attempts: first 2 s, then ×1.5 each time, capped, with ±10 %
/// jitter so several destinations (or several shopcasts) do not hammer an ingest in step.
public struct Backoff: Sendable {
    public var first: Double = 2
    public var factor: Double = 1.5
    public var cap: Double = 60
    public var jitter: Double = 0.1

    public init(first: Double = 2, factor: Double = 1.5, cap: Double = 60, jitter: Double = 0.1) {
        self.first = first
        self.factor = factor
        self.cap = cap
        self.jitter = jitter
    }

    /// The wait before retry number `attempt` (1-based). `random` in [-1, 1] picks the jitter.
    public func delay(attempt: Int, random: Double) -> Double {
        let base = min(cap, first * pow(factor, Double(max(0, attempt - 1))))
        return max(0, base * (1 + jitter * max(-1, min(1, random))))
    }
}

/// Keeps trying an operation with backoff until it succeeds, the retries run out, or a stop.
/// The clock is injected (`sleep` returns false when stopped) so tests drive it without waiting.
public struct Reconnector {
    public let backoff: Backoff
    /// Retries after the first failure; nil keeps trying.
    public let maxRetries: Int?

    public init(backoff: Backoff = Backoff(), maxRetries: Int?) {
        self.backoff = backoff
        self.maxRetries = maxRetries
    }

    /// What happened to one failed attempt, for events and the status line.
    public enum Failure {
        /// Will retry after `wait` seconds; `retry` is 1 for the first retry.
        case retrying(retry: Int, wait: Double, error: Error)
        /// No retries left.
        case gaveUp(error: Error)
    }

    /// Runs `attempt` until it returns a value. Returns nil when it gave up or was stopped.
    /// `initialError`, when set, is a failure that already happened (a lost connection): the
    /// first attempt then waits as a retry does.
    /// `previousRetries` continues a count begun before (a destination that came up and fell
    /// again before proving itself): numbering, backoff and the limit carry on from there.
    /// `giveUp` may end the retries early for a failure that more retries will not mend.
    public func run<T>(initialError: Error? = nil,
                       previousRetries: Int = 0,
                       attempt: () throws -> T,
                       onFailure: (Failure) -> Void,
                       sleep: (Double) -> Bool,
                       giveUp: (Error) -> Bool = { _ in false },
                       random: () -> Double = { Double.random(in: -1...1) }) -> T? {
        var retry = previousRetries
        var pending = initialError
        while true {
            do {
                if let error = pending {
                    pending = nil
                    throw error
                }
                return try attempt()
            } catch {
                retry += 1
                if let max = maxRetries, retry > max {
                    onFailure(.gaveUp(error: error))
                    return nil
                }
                if giveUp(error) {
                    onFailure(.gaveUp(error: error))
                    return nil
                }
                let wait = backoff.delay(attempt: retry, random: random())
                onFailure(.retrying(retry: retry, wait: wait, error: error))
                if !sleep(wait) { return nil }
            }
        }
    }
}
