import Foundation

/// Events to webhooks, the body the same JSON line as in `--events`: go-live sends the
/// commerce events (offers starting, ending, skipped or moved, stock changes, sold-out) as they
/// hit the screen; `schedule run` sends every change of its schedule.
public final class WebhookSink: EventSink, @unchecked Sendable {
    public let sender: WebhookSender
    private let include: @Sendable (ShowEvent) -> Bool

    public init(sender: WebhookSender, include: @escaping @Sendable (ShowEvent) -> Bool = { $0.isCommerce }) {
        self.sender = sender
        self.include = include
    }

    public func receive(_ record: EventRecord, line: String) {
        guard include(record.event) else { return }
        sender.send(Data(line.utf8), event: record.event.name, sequence: record.sequence)
    }

    public func flush(timeout: Double) {
        _ = sender.finish(timeout: timeout)
    }
}
