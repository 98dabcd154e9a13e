import Foundation
import ShopcastCore

/// `--webhook URL` and `--webhook-secret-file FILE`, as go-live and `schedule run` read them.
enum WebhookOption {
    /// An http(s) URL, `${NAME}` read from the environment (the value masked from then on), so a
    /// token in it never appears in argv or ps.
    static func url(_ written: String, context: CommandContext, command: String) throws -> URL {
        let text = try EnvironmentExpander(environment: context.environment).expand(written, subject: "--webhook", shown: redacted)
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw UsageError("--webhook '\(redacted(text))' is not an http:// or https:// URL", command: command)
        }
        return url
    }

    /// The Standard Webhooks secret in `file`; a warning when others can read the file.
    static func secret(_ file: String, context: CommandContext) throws -> WebhookSecret {
        let path = context.resolvePath(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShopcastError(.noInput, "cannot read the webhook secret file \(file)")
        }
        let secret = try WebhookSecret(text: String(decoding: data, as: UTF8.self), source: file)
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            context.console.warning("the webhook secret file \(file) is readable by other users; chmod 600 it")
        }
        return secret
    }

    /// A URL without userinfo, query or fragment, which may hold tokens.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return "(invalid URL)" }
        if components.user != nil || components.password != nil { components.user = "****"; components.password = nil }
        if components.query != nil { components.query = "****" }
        components.fragment = nil
        return SecretMasker.shared.mask(components.string ?? "(invalid URL)")
    }

    /// What to tell the producer about a delivery: a warning when it was not delivered (given
    /// up, or dropped unsent), a note when it took more than one attempt, nothing otherwise.
    static func report(_ outcome: WebhookSender.Outcome) -> (warning: Bool, text: String)? {
        let what = "webhook \(redacted(outcome.url.absoluteString))"
        let event = "\(outcome.event) #\(outcome.sequence)"
        if !outcome.delivered {
            if outcome.attempts == 0 { return (true, "\(what) did not get \(event): \(outcome.detail)") }
            return (true, "\(what) did not take \(event) after \(outcome.attempts) attempt\(outcome.attempts == 1 ? "" : "s"): \(outcome.detail)")
        }
        return outcome.attempts > 1 ? (false, "\(what) took \(event) on attempt \(outcome.attempts)") : nil
    }
}
