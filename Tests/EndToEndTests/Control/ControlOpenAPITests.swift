import Foundation
import XCTest

/// The OpenAPI document go-live serves is true of the API it serves: schemathesis generates
/// requests from it (valid ones, and ones that break every rule it states), sends them to a
/// live go-live, and checks each answer against the document: status codes, content types,
/// headers, response schemas, 405 with Allow for other methods, 401 without the token, no 5xx.
final class ControlOpenAPITests: EndToEndTestCase {
    func testSchemathesisFindsNothingTheDocumentDoesNotSay() throws {
        let token = "Tz8Qw3Er5Ty7Ui9Op1As"
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: bag
            for: 1m
            price: 99
            quantity: 5
          - product: scarf
            at: 10m
            for: 2m
        """)
        let show = try startSteeredShow(["-q", "--manifest", manifest.path, "-t", path("show.mkv").path, "--size", "320x180",
                                         "--encoder-speed", "ultrafast", "--duration", "10m"], token: token)
        // A WebSocket client that only listens, all through the run: it must stay connected.
        let listenerScript = path("ws-listener.py")
        try PythonScripts.webSocketReader.write(to: listenerScript, atomically: true, encoding: .utf8)
        let listener = try ChildProcess(try PythonChecker.interpreter(), [listenerScript.path, "ws://127.0.0.1:\(show.port)/v1/events", token,
                                                                          "stream.ended", "300"], logDirectory: work, name: "ws-listener")
        addCleanup { listener.stop() }
        XCTAssertTrue(listener.waitUntil(timeout: 10) { listener.stdout.contains("connected") }, listener.stderr)
        let listening = Date()
        let schemathesis = PythonChecker.folder.appendingPathComponent("schemathesis")
        // Bounded: 25 examples per operation and a deadline. positive_data_acceptance is left
        // out: a valid command may rightly be refused by the show's state (409: nothing on screen
        // to end, no scheduled offer left), which a stateless check cannot know.
        let run = try ChildProcess(schemathesis, [
            "run", "\(show.base)/v1/openapi.json", "-H", "Authorization: Bearer \(token)",
            "--exclude-path", "/v1/events", "-n", "25", "--exclude-checks", "positive_data_acceptance",
            "--request-timeout", "10", "--no-color", "--seed", "20261202",
        ], environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": work.path],
           currentDirectory: work, logDirectory: work, name: "schemathesis")
        addCleanup { run.stop() }
        guard let ending = run.waitForExit(timeout: 240) else {
            return XCTFail("schemathesis did not finish within 240 s: \(run.stdout.suffix(3000))")
        }
        XCTAssertEqual(ending, .exited(0), String(run.stdout.suffix(6000)))
        XCTAssertTrue(run.stdout.contains("passed"), String(run.stdout.suffix(2000)))
        XCTAssertTrue(show.child.isRunning, "go-live survived the run: \(show.child.summary)")
        XCTAssertEqual(try show.request("GET", "/v1/state").status, 200)
        // The listener must have outlived the 10 s a client has to send its first request:
        // elapsed time is the subject here.
        Wait.running(show.child, for: max(0, 12.5 - Date().timeIntervalSince(listening)))
        show.child.send(SIGTERM)
        XCTAssertEqual(show.child.waitForExit(timeout: 20), .exited(0), show.child.summary)

        // The silent listener heard the whole run, to its end.
        XCTAssertNotNil(listener.waitForExit(timeout: 20), listener.stderr)
        let heard = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data((listener.stdout.split(separator: "\n").last ?? "").utf8)) as? [String: Any])
        XCTAssertGreaterThan((heard["connected_for"] as? Double) ?? 0, 12, "a listener outlives the first-request deadline")
        XCTAssertEqual((heard["events"] as? [String])?.last, "stream.ended", "\(heard)")
        XCTAssertTrue((heard["events"] as? [String])?.contains("command.applied") ?? false, "\(heard)")
    }
}
