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
                       help: "Sign each webhook body with HMAC-SHA256 using the key in FILE (header X-Shopcast-Signature: sha256=HEX)."),
            OptionSpec("quiet", short: "q", help: "Print nothing on stderr but errors and warnings."),
        ],
        discussion: [
            "Emits offer.start, offer.end, banner.start and banner.end at their moments (within a few milliseconds: the wall clock is read once, then the monotonic clock is followed) and exits 0 after the show's last change. Started late, it skips what has ended and emits the start of what is live now with the time it has left (\"late\":true).",
            "Each event is one JSON object: event, time (ISO 8601 with milliseconds), offset (seconds), sequence, show; for offers: offer (index), product, name, currency, list_price and sale_price (exact decimal strings) with list_price_text and sale_price_text (formatted for the show's locale), discount (percent), code, quantity, url; for banners: banner (index), text; then ends_at and remaining (whole seconds on screen).",
            "Webhooks receive the same JSON as the body of a POST with headers X-Shopcast-Event, X-Shopcast-Delivery (one id per event and webhook, kept across retries), X-Shopcast-Attempt and, with --webhook-secret-file, X-Shopcast-Signature: sha256=HEX, the HMAC-SHA256 of the body. Any 2xx answer counts as delivered. A failed delivery (no answer within 5 s, a 5xx, 408 or 429) is tried again after 0.5 s, 1 s, 2 s and 4 s, on its own timer: other events are never delayed; other answers, redirects included, are not retried. Failures that remain are reported as warnings. An https:// webhook's certificate is verified against the system's store.",
            "One run per manifest at a time: the run holds an exclusive lock on the manifest file (flock), which the kernel releases when the process ends. A second run exits 75 at once. SIGINT or SIGTERM stops the run cleanly (exit 0).",
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
        let webhooks = try parsed.all("webhook").map { written -> URL in
            let text = try expandEnvironment(written, context.environment, command: name)
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw UsageError("--webhook '\(redacted(text))' is not an http:// or https:// URL", command: name)
            }
            return url
        }
        var secret: Data?
        if let file = parsed.value("webhook-secret-file") {
            secret = try readSecret(file, context: context)
            if webhooks.isEmpty { context.console.warning("--webhook-secret-file has no effect without --webhook") }
        }
        let absolute = path.hasPrefix("/") ? path : context.currentDirectory.appendingPathComponent(path).path
        let lock = try RunLock(path: absolute)
        defer { withExtendedLifetime(lock) {} }
        let manifest = try ManifestOption.load(path, context: context)
        let timeline = Timeline(manifest)
        let origin = start?.date ?? manifest.origin(streamStart: now)
        let zone = manifest.show.starts?.zone ?? start?.zone ?? TimeZone.current
        let formatter = manifest.priceFormatter
        let quiet = parsed.has("quiet")

        let writeEvent = try eventWriter(parsed.value("events") ?? "-", context: context)
        let console = context.console
        let sender = webhooks.isEmpty ? nil : WebhookSender(urls: webhooks, secret: secret) { outcome in
            if !outcome.delivered {
                console.warning("webhook \(redacted(outcome.url.absoluteString)) did not take \(outcome.event) #\(outcome.sequence) after \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s"): \(outcome.detail)")
            } else if outcome.attempts > 1, !quiet {
                console.err("shopcast: webhook \(redacted(outcome.url.absoluteString)) took \(outcome.event) #\(outcome.sequence) on attempt \(outcome.attempts)\n")
            }
        }

        if origin.addingTimeInterval(timeline.end) <= now {
            context.console.warning("the show ended at \(WallClock.format(origin.addingTimeInterval(timeline.end), in: zone)); nothing to run")
            return .success
        }
        if !quiet {
            let wait = origin.timeIntervalSince(now)
            context.console.err("shopcast: running '\(manifest.show.title)' from \(WallClock.format(origin, in: zone))"
                + (wait > 0 ? ", \(DurationValue.format(wait)) from now" : "") + "\n")
        }

        let runner = ScheduleRunner(timeline: timeline, origin: origin)
        let signals = SignalWatcher { _ in runner.stop() }
        defer { signals.cancel() }

        var failure: Error?
        let summary = runner.run { event in
            let line = event.json(show: manifest.show, formatter: formatter, zone: zone).rendered
            writeEvent(line + "\n")
            do {
                try sender?.send(Data(line.utf8), event: event.kind.rawValue, sequence: event.sequence)
            } catch {
                failure = error
                runner.stop()
            }
            if !quiet { console.err("shopcast: \(WallClock.clockTime(event.time, in: zone)) \(describe(event, formatter: formatter))\n") }
        }
        if let failure { throw failure }
        if let sender, !sender.finish(timeout: 30) {
            context.console.warning("gave up waiting for webhook deliveries still being retried")
        }
        if !quiet {
            context.console.err("shopcast: \(summary.interrupted ? "stopped" : "show over"): \(summary.emitted) events"
                + (summary.skipped > 0 ? ", \(summary.skipped) skipped (before the run started)" : "") + "\n")
        }
        return .success
    }

    static func describe(_ event: ScheduleEvent, formatter: PriceFormatter?) -> String {
        var text = event.kind.rawValue
        if let offer = event.offer {
            text += " \(offer.product.id)"
            if event.kind.isStart {
                text += " \(formatter?.string(offer.salePrice) ?? offer.salePrice.decimalString) for \(DurationValue.format(Double(event.remaining)))"
                if event.late { text += " (late)" }
            }
        } else if let banner = event.banner {
            text += " '\(banner.text)'"
        }
        return text
    }

    /// Replaces each `${NAME}` with the environment's value, so a token in a webhook URL need
    /// not appear in argv.
    static func expandEnvironment(_ text: String, _ environment: [String: String], command: String) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = String(rest[open.upperBound..<close])
            guard let value = environment[name] else {
                throw UsageError("--webhook uses ${\(name)}, which is not set in the environment", command: command)
            }
            out += rest[..<open.lowerBound] + value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A URL without userinfo, query or fragment, which may hold tokens.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "(invalid URL)" }
        if components.user != nil || components.password != nil { components.user = "****"; components.password = nil }
        if components.query != nil { components.query = "****" }
        components.fragment = nil
        return components.string ?? "(invalid URL)"
    }

    static func readSecret(_ file: String, context: CommandContext) throws -> Data {
        let path = file.hasPrefix("/") ? file : context.currentDirectory.appendingPathComponent(file).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShopcastError(.noInput, "cannot read the webhook secret file \(file)")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else { throw ShopcastError(.badData, "the webhook secret file \(file) is empty") }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            context.console.warning("the webhook secret file \(file) is readable by other users; chmod 600 it")
        }
        return Data(text.utf8)
    }

    /// Where event lines go: stdout for `-`, else appended to a file.
    static func eventWriter(_ target: String, context: CommandContext) throws -> (String) -> Void {
        if target == "-" { return context.console.out }
        let path = target.hasPrefix("/") ? target : context.currentDirectory.appendingPathComponent(target).path
        let writer = try DescriptorWriter(appendingTo: path)
        return { writer.write($0) }
    }
}
