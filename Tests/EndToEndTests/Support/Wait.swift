import Foundation

/// Polls a condition until it holds or a deadline passes. Every wait in these tests goes through
/// here, so none of them can hang a CI run.
enum Wait {
    /// Returns true as soon as `condition` holds, false once `timeout` seconds have passed.
    @discardableResult
    static func until(timeout: TimeInterval, interval: TimeInterval = 0.05,
                      _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: min(interval, max(0.001, deadline.timeIntervalSinceNow)))
        }
    }

    /// Lets real time pass while `process` keeps running: for tests whose subject is elapsed show
    /// time itself (a kill after five seconds). Returns false early if the process exits meanwhile.
    @discardableResult
    static func running(_ process: ChildProcess, for seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        Wait.until(timeout: seconds + 1) { !process.isRunning || Date() >= deadline }
        return process.isRunning
    }
}
