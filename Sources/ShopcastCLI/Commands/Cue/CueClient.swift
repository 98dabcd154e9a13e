import Foundation
import ShopcastCore

/// What every `shopcast cue` subcommand shares: where the show is (`--control` or
/// `SHOPCAST_CONTROL`), its token (`--token-file`, `SHOPCAST_CONTROL_TOKEN`, or the key file
/// `$XDG_CONFIG_HOME/shopcast/keys/control`), one request, and the exit status of its answer:
/// 0 applied, 65 refused (the reason printed), 69 no show answers, 75 not running yet, 77 the
/// token refused.
struct CueClient {
    static let addressVariable = "SHOPCAST_CONTROL"

    /// The options every subcommand takes.
    static let options = [
        OptionSpec("control", value: "[ADDR:]PORT",
                   help: "Where the show's control API listens, as given to go-live --control (default: SHOPCAST_CONTROL)."),
        OptionSpec("token-file", value: "FILE", completion: .file,
                   help: "The control token (mode 0600); default SHOPCAST_CONTROL_TOKEN, else $XDG_CONFIG_HOME/shopcast/keys/control if it exists."),
        OptionSpec("json", help: "Print the show's answer as JSON on stdout."),
    ]

    let address: ControlAddress
    let token: String?
    let json: Bool
    let context: CommandContext
    let command: String

    init(_ parsed: ParsedArguments, context: CommandContext, command: String) throws {
        self.context = context
        self.command = command
        json = parsed.has("json")
        guard let text = parsed.value("control") ?? context.environment[Self.addressVariable], !text.isEmpty else {
            throw UsageError("where is the show? give --control [ADDR:]PORT (as go-live --control) or set \(Self.addressVariable)", command: command)
        }
        guard let address = ControlAddress.parse(text), address.port > 0 else {
            throw UsageError("'\(text)' is not [ADDR:]PORT, e.g. 8080 or 192.168.1.20:8080", command: command)
        }
        self.address = address
        if let file = parsed.value("token-file") {
            token = try ControlToken.read(file: file, context: context)
        } else if let token = try ControlToken.read(file: nil, context: context) {
            self.token = token
        } else {
            let config = context.environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: context.environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
            let file = config.appendingPathComponent("shopcast/keys/control").path
            token = FileManager.default.fileExists(atPath: file) ? try ControlToken.read(file: file, context: context) : nil
        }
    }

    /// The request's headers: the token, and JSON for a body.
    private func headers(body: Bool) -> [(String, String)] {
        var headers: [(String, String)] = [("User-Agent", "shopcast/\(ShopcastVersion.current)")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if body { headers.append(("Content-Type", "application/json")) }
        return headers
    }

    func url(_ path: String) -> URL {
        URL(string: address.baseURL + path)!
    }

    /// A path segment for an id, percent-encoded.
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
    }

    /// Sends one request; returns the parsed JSON answer of a 2xx, throws for the rest with
    /// the exit status it stands for.
    func send(_ method: String, _ path: String, body: JSONValue? = nil) throws -> [String: Any] {
        let answer: HTTPClient.Answer
        do {
            answer = try HTTPClient.exchange(method, url(path), headers: headers(body: body != nil),
                                             body: body.map { Data($0.rendered.utf8) }, timeout: 10)
        } catch {
            throw ShopcastError(.unavailable, "no show answers at \(address.baseURL) (\(error)); is go-live running with --control \(address)?")
        }
        let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any]
        if (200..<300).contains(answer.status), let object { return object }
        let error = object?["error"] as? [String: Any]
        var message = (error?["message"] as? String) ?? "HTTP \(answer.status)"
        if let known = error?["known"] as? [String], !known.isEmpty { message += " (known: \(known.joined(separator: ", ")))" }
        switch answer.status {
        case 401: throw ShopcastError(.unauthorized, "the show at \(address.baseURL) refused the token: " + (token == nil ? "it needs one (--token-file or \(ControlToken.environmentVariable))" : "it is not the one go-live was given"))
        case 503: throw ShopcastError(.busy, "the show is not ready: \(message)")
        case 400, 404, 409, 413: throw ShopcastError(.badData, "refused: \(message)")
        default: throw ShopcastError(.unavailable, "the control API at \(address.baseURL) answered HTTP \(answer.status): \(message)")
        }
    }

    /// Sends a command and prints what happened: the answer as JSON with --json, else one line.
    func apply(_ method: String, _ path: String, body: JSONValue? = nil, describe: ([String: Any]) -> String) throws -> ExitCode {
        let answer = try send(method, path, body: body)
        if json {
            context.console.out(Self.render(answer) + "\n")
        } else {
            var line = describe(answer)
            if let t = (answer["stream_time"] as? NSNumber)?.doubleValue { line += " (from stream time \(String(format: "%.3f", t)) s)" }
            context.console.out(line + "\n")
        }
        return .success
    }

    /// A parsed JSON object back to text (keys sorted).
    static func render(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Seconds from a duration option (`90s`, `2m`, `1:30`).
    static func seconds(_ text: String, option: String, command: String) throws -> Double {
        guard let seconds = DurationValue.parse(text), seconds > 0, seconds <= 86_400 else {
            throw UsageError("\(option) '\(text)' is not a length such as 90s, 2m or 1m30s (up to 24h)", command: command)
        }
        return seconds
    }
}
