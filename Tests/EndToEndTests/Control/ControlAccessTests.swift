import Foundation
import XCTest

/// Who may steer a show: loopback by default; any other address only with a token, checked on
/// every request (curl), the WebSocket stream (Python's websockets) and `shopcast cue`; and the
/// metrics, read by Prometheus' own parser.
final class ControlAccessTests: EndToEndTestCase {
    let token = "k7Vq2mZr9sT4wXb8nLp3"

    func testAnOpenAddressNeedsATokenAndEveryRequestIsChecked() throws {
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: scarf
            for: 1m
            discount: 20%
            quantity: 10
        """)
        // Two formats: the state and the metrics name each destination's.
        let base = ["-q", "--manifest", manifest.path, "-t", path("show.mkv").path, "-t", "vertical:" + path("tall.mkv").path, "--size", "320x180",
                    "--encoder-speed", "ultrafast", "--duration", "30s"]
        // No token: go-live refuses an address other machines can reach, before opening anything.
        let port = try FreePort.tcp()
        let refused = try runShopcast(["go-live"] + base + ["--control", "0.0.0.0:\(port)"], timeout: 10)
        XCTAssertEqual(exitStatus(refused), 78, refused.summary)
        XCTAssertTrue(refused.stderr.contains("--control-token-file"), refused.stderr)
        XCTAssertFalse(FreePort.acceptsTCP(port), "nothing listens")
        // A token file others can read is refused too.
        let loose = path("loose.token")
        try token.write(to: loose, atomically: true, encoding: .utf8)
        chmod(loose.path, 0o644)
        let looseRun = try runShopcast(["go-live"] + base + ["--control", "0.0.0.0:\(port)", "--control-token-file", loose.path], timeout: 10)
        XCTAssertEqual(exitStatus(looseRun), 78, looseRun.summary)
        XCTAssertTrue(looseRun.stderr.contains("chmod 600"), looseRun.stderr)

        // With a token, on every address; reached here through 127.0.0.1.
        let events = path("events.jsonl")
        let show = try startSteeredShow(base + ["--events", events.path], token: token, bind: "0.0.0.0")
        XCTAssertEqual(try show.request("GET", "/health", authorized: false).status, 200, "the health check needs no token")
        let bare = try show.request("GET", "/v1/state", authorized: false)
        XCTAssertEqual(bare.status, 401, bare.text)
        XCTAssertEqual(bare.headers["www-authenticate"], "Bearer")
        XCTAssertEqual(try show.request("POST", "/v1/offers/flash/cue", authorized: false).status, 401)
        let wrong = try show.request("GET", "/v1/state", authorized: false, headers: ["Authorization: Bearer \(token.dropLast())X"])
        XCTAssertEqual(wrong.status, 401)
        XCTAssertEqual(try show.request("GET", "/metrics", authorized: false).status, 401)
        let state = try show.request("GET", "/v1/state")
        XCTAssertEqual(state.status, 200)
        let stateObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: state.body) as? [String: Any])
        XCTAssertTrue(show.child.waitUntil(timeout: 10) {
            let again = (try? show.request("GET", "/v1/state").body).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            return (again?["renditions"] as? [Any])?.count == 2
        }, "the state never listed two renditions: \(stateObject)")

        // The WebSocket stream: refused without the token (401 at the handshake), events with it.
        let wsURL = "ws://127.0.0.1:\(show.port)/v1/events"
        let shut = try PythonChecker.run(PythonScripts.webSocketReader, name: "ws-bare", arguments: [wsURL, "-", "offer.start", "5"], work: work)
        XCTAssertEqual(shut.status, 0, shut.stderr)
        let shutResult = try parseLastLine(shut.stdout)
        XCTAssertEqual(shutResult["status"] as? Int, 401, shut.stdout)
        XCTAssertEqual((shutResult["events"] as? [String])?.count, 0)

        let scriptFile = path("ws-reader.py")
        try PythonScripts.webSocketReader.write(to: scriptFile, atomically: true, encoding: .utf8)
        let reader = try ChildProcess(try PythonChecker.interpreter(), [scriptFile.path, wsURL, token, "offer.start", "20"],
                                      logDirectory: work, name: "ws-reader")
        addCleanup { reader.stop() }
        XCTAssertTrue(reader.waitUntil(timeout: 10) { reader.stdout.contains("connected") }, reader.stderr)

        // shopcast cue events follows the show as JSON lines until it ends.
        let follower = try launchShopcast(["cue", "events", "--control", "\(show.port)"], environment: ["SHOPCAST_CONTROL_TOKEN": token])
        XCTAssertTrue(follower.waitUntil(timeout: 10) {
            ((try? show.request("GET", "/metrics").text) ?? "").contains("shopcast_event_stream_clients 2")
        }, "the WebSocket reader and cue events both listen")

        // shopcast cue: refused without the token (77), applied with it (0).
        let cueBare = try runShopcast(["cue", "offer", "flash", "--control", "127.0.0.1:\(show.port)"], timeout: 20)
        XCTAssertEqual(exitStatus(cueBare), 77, cueBare.summary)
        let cue = try runShopcast(["cue", "offer", "flash", "--for", "40s", "--control", "127.0.0.1:\(show.port)"],
                                  environment: ["SHOPCAST_CONTROL_TOKEN": token], timeout: 20)
        XCTAssertEqual(exitStatus(cue), 0, cue.summary)
        XCTAssertTrue(cue.stdout.contains("on screen: flash"), cue.stdout)

        XCTAssertNotNil(reader.waitForExit(timeout: 20), "the WebSocket reader should see offer.start")
        let heard = try parseLastLine(reader.stdout)
        XCTAssertEqual((heard["events"] as? [String])?.suffix(2), ["command.applied", "offer.start"], reader.stdout)

        // Refusals from cue: an unknown offer (65), nothing listening (69), a bad count (64).
        let unknown = try runShopcast(["cue", "offer", "hat", "--control", "\(show.port)"], environment: ["SHOPCAST_CONTROL_TOKEN": token])
        XCTAssertEqual(exitStatus(unknown), 65, unknown.summary)
        XCTAssertTrue(unknown.stderr.contains("known: flash, scarf, bag"), unknown.stderr)
        let nobody = try runShopcast(["cue", "status", "--control", "\(try FreePort.tcp())"])
        XCTAssertEqual(exitStatus(nobody), 69, nobody.summary)
        let usage = try runShopcast(["cue", "stock", "scarf", "lots", "--control", "\(show.port)"])
        XCTAssertEqual(exitStatus(usage), 64, usage.summary)

        // Metrics, parsed by prometheus_client.
        let metrics = try show.request("GET", "/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") ?? false)
        let metricsFile = path("metrics.txt")
        try metrics.body.write(to: metricsFile)
        let parsed = try PythonChecker.run(PythonScripts.metricsParser, name: "metrics", arguments: [metricsFile.path], work: work)
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let families = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: [String: Any]])
        func samples(_ name: String) -> [[Any]] { families[name]?["samples"] as? [[Any]] ?? [] }
        XCTAssertEqual(families["shopcast_frames_encoded"]?["type"] as? String, "counter")
        XCTAssertGreaterThan((samples("shopcast_frames_encoded").first?[2] as? Double) ?? 0, 0, "frames counted")
        let live = samples("shopcast_destination_state").filter { ($0[1] as? [String: String])?["state"] == "live" }
        XCTAssertEqual(live.map { $0[2] as? Double }, [1, 1], "both recordings are live")
        XCTAssertEqual(Set(live.compactMap { ($0[1] as? [String: String])?["format"] }), ["320x180", "vertical"], "\(live)")
        let formats = samples("shopcast_rendition_bitrate_bits_per_second").compactMap { ($0[1] as? [String: String])?["format"] }
        XCTAssertEqual(formats, ["320x180", "vertical"], "one bitrate per rendition")
        let applied = samples("shopcast_commands").first { ($0[1] as? [String: String])?["result"] == "applied" }
        XCTAssertEqual(applied?[2] as? Double, 1, "one command applied")
        let refusedCount = samples("shopcast_commands").first { ($0[1] as? [String: String])?["result"] == "refused" }
        XCTAssertEqual(refusedCount?[2] as? Double, 1, "one command refused (the unknown offer)")
        XCTAssertEqual(samples("shopcast_offer_live").first?[2] as? Double, 1)

        // The token is never printed: not on stderr, not in the events.
        show.child.send(SIGTERM)
        XCTAssertEqual(show.child.waitForExit(timeout: 20), .exited(0), show.child.summary)
        // What the metrics said, as the recording says it: pictures were encoded and kept.
        let recorded = try probe(path("show.mkv")), tall = try probe(path("tall.mkv"))
        XCTAssertGreaterThan(recorded.videoPackets.count, 0, "the metrics counted frames the recording does not have")
        XCTAssertEqual(tall.video.map { "\($0.width)x\($0.height)" }, "720x1280", "the vertical recording")
        XCTAssertFalse(show.child.stderr.contains(token))
        XCTAssertFalse(try String(contentsOf: events, encoding: .utf8).contains(token))
        XCTAssertEqual(follower.waitForExit(timeout: 20), .exited(0), follower.summary)
        let followed = follower.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["event"] as? String
        }
        XCTAssertEqual(followed.count, follower.stdout.split(separator: "\n").count, "every line is a JSON event: \(follower.stdout)")
        XCTAssertTrue(followed.contains("offer.start"), "\(followed)")
        XCTAssertEqual(followed.last, "stream.ended", "the stream ends with the show: \(followed)")
    }

    private func parseLastLine(_ text: String) throws -> [String: Any] {
        let line = try XCTUnwrap(text.split(separator: "\n").last, "no output")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
