import Foundation
import XCTest

/// A running `shopcast go-live --control` started by a test, and a real HTTP client (curl) to
/// its control API.
final class SteeredShow {
    let child: ChildProcess
    let port: UInt16
    let token: String?
    let work: URL

    init(child: ChildProcess, port: UInt16, token: String?, work: URL) {
        self.child = child
        self.port = port
        self.token = token
        self.work = work
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// One request; `authorized: false` leaves the token out.
    func request(_ method: String, _ path: String, body: String? = nil, authorized: Bool = true,
                 headers: [String] = []) throws -> Curl.Answer {
        var all = headers
        if authorized, let token { all.append("Authorization: Bearer \(token)") }
        return try Curl.request(method, base + path, body: body, headers: all, work: work)
    }

    /// The show's state (GET /v1/state), parsed.
    func state() throws -> [String: Any] {
        let answer = try request("GET", "/v1/state")
        guard answer.status == 200, let json = answer.json else {
            throw HarnessError("GET /v1/state answered \(answer.status): \(answer.text)")
        }
        return json
    }

    /// Seconds of stream of the latest frame, as the show reports it.
    func streamTime() throws -> Double {
        ((try state()["show"] as? [String: Any])?["stream_time"] as? NSNumber)?.doubleValue ?? 0
    }

    /// Waits until the API answers and the stream runs.
    func waitUntilRunning(timeout: Double = 20) throws {
        let up = child.waitUntil(timeout: timeout) {
            guard let answer = try? Curl.request("GET", base + "/health", timeout: 2, work: work), answer.status == 200 else { return false }
            return (answer.json?["running"] as? Bool) == true
        }
        guard up else { throw HarnessError("the control API did not come up: \(child.summary)") }
    }

    /// Waits until the stream has run `seconds` (by the show's own clock, read through the API).
    func waitForStream(_ seconds: Double, timeout: Double = 20) throws {
        guard child.waitUntil(timeout: timeout, { ((try? streamTime()) ?? 0) >= seconds }) else {
            throw HarnessError("the stream did not reach \(seconds) s: \(child.summary)")
        }
    }
}

extension EndToEndTestCase {
    /// Starts go-live with `--control PORT` (a free port) and `arguments`, and waits until the
    /// stream runs. `token` goes to a mode-0600 file given with --control-token-file.
    func startSteeredShow(_ arguments: [String], token: String? = nil, bind: String = "127.0.0.1",
                          environment: [String: String] = [:]) throws -> SteeredShow {
        let port = try FreePort.tcp()
        var args = ["go-live"] + arguments + ["--control", "\(bind):\(port)"]
        if let token {
            let file = path("control.token")
            try (token + "\n").write(to: file, atomically: true, encoding: .utf8)
            chmod(file.path, 0o600)
            args += ["--control-token-file", file.path]
        }
        let child = try launchShopcast(args, environment: environment)
        let show = SteeredShow(child: child, port: port, token: token, work: work)
        try show.waitUntilRunning()
        return show
    }

    /// A manifest in the scratch folder (en-US, EUR): products and offers as YAML list text.
    func writeSteeringManifest(_ offers: String, extra: String = "") throws -> URL {
        let url = path("show-\(UUID().uuidString.prefix(6)).yaml")
        try """
        show:
          title: Steered show
          locale: en-US
          currency: EUR
        products:
          scarf:
            name: Silk scarf
            price: 40
          bag:
            name: Leather bag
            price: 120
        offers:
        \(offers)
        \(extra)
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
