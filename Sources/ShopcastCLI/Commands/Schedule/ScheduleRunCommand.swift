import Foundation
import ShopcastCore

/// `shopcast schedule run FILE`: follow the clock and emit offer and banner events.
enum ScheduleRunCommand {
    static let spec = CommandSpec(
        name: "run",
        summary: "Follow the clock and emit offer and banner events as JSON lines and webhooks.",
        operands: "FILE",
        options: [
            OptionSpec("start", value: "TIME", completion: .values(["now"]),
                       help: "When offset 0 is: an ISO 8601 time with offset, or 'now'. Default show.starts, else now."),
            OptionSpec("events", value: "FILE", completion: .file,
                       help: "Append events as JSON lines to FILE, or - for stdout (the default)."),
            OptionSpec("webhook", value: "URL", repeatable: true,
                       help: "POST each event's JSON to this http:// or https:// URL; ${NAME} is read from the environment, so tokens stay out of ps."),
            OptionSpec("webhook-secret-file", value: "FILE", completion: .file,
                       help: "Sign every webhook delivery as the Standard Webhooks specification says, with the secret in FILE (whsec_ and base64)."),
            OptionSpec("quiet", short: "q", help: "Print nothing on stderr but errors and warnings."),
        ],
        discussion: [
            "Emits offer.start, offer.end, banner.start and banner.end at their moments (within a few milliseconds: the wall clock is read once, then the monotonic clock is followed) and exits 0 after the show's last change. The changes come from the same show director go-live runs, on the schedule alone. Started late, it passes over what has ended and emits the start of what is due now with the time it has left (\"late\":true). Stopped by a signal, it emits offer.end (\"reason\":\"show-ended\") for the offer on screen, so the shop closes the deal.",
            "Each event is one JSON object in the dialect of go-live's --events (see shopcast-go-live(1), EVENTS): event, time (UTC), stream_time (null here), offset, sequence, show, then for offers: offer (its id), product, name, currency, list_price and sale_price (exact decimal strings) with list_price_text and sale_price_text (formatted for the show's locale), discount, code, stock, url, starts_at, ends_at, cued, late, and remaining or reason; for banners: banner (its id), text, starts_at, ends_at.",
            "Webhooks receive the same JSON as the body of a POST with headers X-Shopcast-Event, X-Shopcast-Attempt, webhook-id (one per event and webhook, kept across retries) and webhook-timestamp, and, with --webhook-secret-file, webhook-signature, signed as the Standard Webhooks specification says: v1, and the base64 HMAC-SHA256 of ID.TIMESTAMP.BODY under the secret's key. The secret file holds the secret as that specification writes it, whsec_ followed by base64 (trailing line endings, LF or CRLF, are not part of it); a shop verifies with the specification's own libraries, e.g. in Python: standardwebhooks.Webhook(secret).verify(body, headers), which also refuses replays older than 5 minutes. Any 2xx answer counts as delivered. A failed delivery (no answer within 5 s, a 5xx, 408 or 429) is tried again after 0.5 s, 1 s, 2 s and 4 s, on its own timer: other events are never delayed, so deliveries can arrive out of order (a retry; two events of one command) and a shop orders them by sequence; other answers, redirects included, are not retried. At most 16 attempts per webhook are under way at once; when a shop hangs and 1,000 more deliveries wait behind them, the oldest waiting one is dropped, so the newest events get through when it recovers. Failures that remain, and drops, are reported as warnings. An https:// webhook's certificate is verified against the system's store.",
            "One run per manifest at a time: the run holds an exclusive lock on the manifest file (flock), which the kernel releases when the process ends. A second run exits 75 at once. SIGINT or SIGTERM stops the run cleanly (exit 0) within about 2 s: the live offer ends (offer.end, \"reason\":\"show-ended\"), and webhook deliveries still unanswered 1.5 s later are abandoned with a warning (the events file has every event). A second signal quits at once (exit 130).",
        ],
        examples: [
            ("shopcast schedule run show.yaml --webhook https://shop.example/hooks/live --webhook-secret-file ~/.config/shopcast/webhook.key",
             "Run the show from show.starts, notifying the shop with signed webhooks."),
            ("shopcast schedule run show.yaml --start now --events events.jsonl", "Start the show now and log events to a file."),
        ])

    static let command = Command(spec) { parsed, context in
        let name = "schedule run"
        let path = try ScheduleSupport.file(parsed, command: name)
        let now = Date()
        let start = try parsed.value("start").map { try ScheduleSupport.time($0, option: "start", command: name, now: now) }
        let webhooks = try parsed.all("webhook").map { try WebhookOption.url($0, context: context, command: name) }
        var secret: WebhookSecret?
        if let file = parsed.value("webhook-secret-file") {
            secret = try WebhookOption.secret(file, context: context)
            if webhooks.isEmpty { context.console.warning("--webhook-secret-file has no effect without --webhook") }
        }
        let absolute = FilePath.resolve(path, in: context.currentDirectory)
        let lock = try RunLock(path: absolute)
        defer { withExtendedLifetime(lock) {} }
        let manifest = try ManifestOption.load(path, context: context)
        let timeline = Timeline(manifest)
        let origin = start?.date ?? manifest.origin(streamStart: now)
        let zone = manifest.writtenZone ?? start?.zone ?? TimeZone.current
        let formatter = manifest.priceFormatter
        let quiet = parsed.has("quiet")

        let bus = EventBus(encoder: EventEncoder(manifest: manifest, origin: origin))
        bus.add(try EventFile(path: parsed.value("events") ?? "-", currentDirectory: context.currentDirectory))
        let console = context.console
        let sender = webhooks.isEmpty ? nil : WebhookSender(urls: webhooks, secret: secret) { outcome in
            guard let report = WebhookOption.report(outcome) else { return }
            if report.warning {
                console.warning(report.text)
            } else if !quiet {
                console.err("shopcast: \(report.text)\n")
            }
        }
        if let sender { bus.add(WebhookSink(sender: sender, include: { _ in true })) }

        // Signals are watched before anything is said: a stop right after "running" is clean.
        let runner = ScheduleRunner(manifest: manifest, origin: origin)
        let signals = SignalWatcher { count in
            guard count == 1 else {
                console.err("shopcast: quitting at once\n")
                _exit(ExitCode.interrupted.rawValue)
            }
            if !quiet { console.err("shopcast: stopping: ending the live offer (signal again to quit at once)\n") }
            runner.stop()
        }
        defer { signals.cancel() }

        if origin.addingTimeInterval(timeline.end) <= now {
            context.console.warning("the show ended at \(WallClock.format(origin.addingTimeInterval(timeline.end), in: zone)); nothing to run")
            return .success
        }
        if !quiet {
            let wait = origin.timeIntervalSince(now)
            context.console.err("shopcast: running '\(manifest.show.title)' from \(WallClock.format(origin, in: zone))"
                + (wait > 0 ? ", \(DurationValue.format(wait)) from now" : "") + "\n")
        }

        let summary = runner.run { change in
            bus.publish(change.event, offset: change.offset)
            if !quiet, let text = describe(change.event, formatter: formatter) {
                console.err("shopcast: \(WallClock.clockTime(origin.addingTimeInterval(change.offset), in: zone)) \(text)\n")
            }
        }
        // Stopped by hand, the producer wants the prompt back: the closing events get a moment
        // to reach the shop, not the retries' 30 s. The show's own end waits for them.
        let patience = summary.interrupted ? stopPatience : 30
        bus.flush(timeout: patience)  // the webhook sink's flush waits for its deliveries too
        if let sender, !sender.finish(timeout: 0) {
            context.console.warning(summary.interrupted
                ? "stopped with webhook deliveries still unanswered after \(patience) s; they are abandoned (the events file has every event)"
                : "gave up waiting for webhook deliveries still being retried")
        }
        if !quiet {
            context.console.err("shopcast: \(summary.interrupted ? "stopped" : "show over"): \(summary.emitted) events"
                + (summary.skipped > 0 ? ", \(summary.skipped) offer\(summary.skipped == 1 ? "" : "s") skipped (over before the run started)" : "") + "\n")
        }
        return .success
    }

    /// How long a run stopped by a signal waits for its last webhook deliveries.
    static let stopPatience = 1.5

    /// One line for the terminal, nil for events it does not describe.
    static func describe(_ event: ShowEvent, formatter: PriceFormatter?) -> String? {
        switch event {
        case let .offerStarted(offer, _):
            var text = "offer.start \(offer.id) \(offer.salePrice.text(in: formatter))"
            if let end = offer.end { text += " for \(DurationValue.format(end - offer.start))" }
            return text + (offer.late ? " (late)" : "")
        case let .offerEnded(offer, reason, _):
            return "offer.end \(offer.id)" + (reason == .time ? "" : " (\(reason.rawValue))")
        case .bannerStarted(let banner): return "banner.start '\(banner.text)'"
        case .bannerEnded(let banner): return "banner.end '\(banner.text)'"
        default: return nil
        }
    }
}
