import Foundation
import XCTest

/// The control API under attack and the show surviving a crash: counted at a real RTMP ingest
/// (nginx) and read off the recording, never from shopcast's own report.
final class ControlRobustnessTests: EndToEndTestCase {
    let token = "Hq3v9Lm2Xc7Rt5Wz8Kp4"

    func testHostileClientsNeitherCrashTheShowNorCostAFrame() throws {
        let nginx = try startNginx()
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: scarf
            for: 1m
            quantity: 10
        """)
        let show = try startSteeredShow(["-q", "--manifest", manifest.path, "-t", nginx.url(stream: "hostile"), "--size", "640x360",
                                         "--encoder-speed", "ultrafast", "--duration", "12s"], token: token, bind: "0.0.0.0")
        try show.waitForStream(1)
        let attack = try PythonChecker.run(PythonScripts.hostileClients, name: "hostile", arguments: [String(show.port), token, "7"],
                                           work: work, timeout: 40)
        XCTAssertEqual(attack.status, 0, attack.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(attack.stdout.utf8)) as? [String: Any], attack.stdout)
        let statuses = report["statuses"] as? [String: [String: Int]] ?? [:]
        print("hostile clients: \(attack.stdout)")

        // Every attack got its documented answer, and the well-behaved client every time, quickly.
        XCTAssertEqual(report["idle_open"] as? Int, 300, "the server took hundreds of idle connections")
        XCTAssertEqual(Set(statuses["big-body"]?.keys.map { $0 } ?? []), ["413"], "\(statuses)")
        XCTAssertEqual(Set(statuses["bad-json"]?.keys.map { $0 } ?? []), ["400"], "\(statuses)")
        XCTAssertEqual(Set(statuses["bad-field"]?.keys.map { $0 } ?? []), ["400"], "\(statuses)")
        XCTAssertEqual(Set(statuses["wrong-method"]?.keys.map { $0 } ?? []), ["405"], "\(statuses)")
        XCTAssertEqual(Set(statuses["unknown-id"]?.keys.map { $0 } ?? []), ["404"], "\(statuses)")
        XCTAssertEqual(Set(statuses["no-token"]?.keys.map { $0 } ?? []), ["401"], "\(statuses)")
        XCTAssertEqual(Set(statuses["unknown-path"]?.keys.map { $0 } ?? []), ["404"], "\(statuses)")
        XCTAssertEqual(Set(statuses["many-headers"]?.keys.map { $0 } ?? []), ["400"], "\(statuses)")
        XCTAssertTrue(Set(statuses["garbage"]?.keys.map { $0 } ?? []).isSubset(of: ["400", "closed", "ConnectionResetError"]), "\(statuses)")
        XCTAssertGreaterThan((statuses["garbage"]?["400"] ?? 0), 0, "garbage gets a 400: \(statuses)")
        XCTAssertEqual((report["probe_failed"] as? [Any])?.count, 0, "the well-behaved client was refused: \(report)")
        XCTAssertGreaterThan(report["probe_ok"] as? Int ?? 0, 20)
        XCTAssertLessThan((report["probe_slowest"] as? Double) ?? 99, 1, "the well-behaved client waited too long")

        // The show went on: still answering, it ends on time with exit 0.
        XCTAssertEqual(try show.request("POST", "/v1/offers/flash/cue").status, 200)
        XCTAssertEqual(show.child.waitForExit(timeout: 30), .exited(0), show.child.summary)

        // Every frame arrived at the ingest, on a constant-rate timeline.
        let received = try XCTUnwrap(nginx.recordings(stream: "hostile").first, "nothing arrived at the ingest")
        let info = try probe(received)
        XCTAssertEqual(Double(info.videoPackets.count), 12 * 30, accuracy: 3, "frames at the ingest")
        XCTAssertLessThan(info.largestVideoGap, 0.05, "a hole in the stream at the ingest")
        try assertDecodes(received, "the stream through the attack")
    }

    func testAJournalBringsTheShowBackAfterAKill() throws {
        let clip = try makeFlatClip("flat.mp4", size: "1280x720", seconds: 30, audio: false)
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: bag
            for: 1m
            price: 99
          - product: scarf
            at: 0s
            for: 5m
        """)
        let journal = path("show.journal")
        let common = ["-q", "-i", clip.path, "--manifest", manifest.path, "--journal", journal.path, "--encoder-speed", "ultrafast"]
        let first = try startSteeredShow(common + ["-t", path("first.mkv").path])
        try first.waitForStream(1)
        let cue = try first.request("POST", "/v1/offers/flash/cue", body: #"{"for": 120, "quantity": 9, "code": "BACK"}"#)
        XCTAssertEqual(cue.status, 200, cue.text)
        let endsAt = try XCTUnwrap(((cue.json?["state"] as? [String: Any])?["offer"] as? [String: Any])?["ends_at"] as? String)
        XCTAssertEqual(try first.request("POST", "/v1/stock/bag/sold", body: #"{"units": 2}"#).status, 200)
        // The journal holds both before their answers came: kill at once, mid-offer.
        first.child.send(SIGKILL)
        _ = first.child.waitForExit(timeout: 10)

        let second = try startSteeredShow(common + ["-t", path("second.mkv").path, "--duration", "4s", "--events", path("resumed.jsonl").path])
        let state = try second.state()
        let offer = try XCTUnwrap(state["offer"] as? [String: Any], "the cued offer is back")
        XCTAssertEqual(offer["offer"] as? String, "flash")
        XCTAssertEqual(offer["ends_at"] as? String, endsAt, "with its original end")
        XCTAssertEqual(offer["stock"] as? Int, 7, "and its stock")
        XCTAssertEqual(offer["code"] as? String, "BACK")
        XCTAssertEqual((state["next"] as? [String: Any])?["offer"] as? String, nil, "the scarf's slot, replaced, does not come back")
        XCTAssertEqual(second.child.waitForExit(timeout: 30), .exited(0), second.child.summary)

        // On the new recording's pictures: the card, its stock, its code.
        let frames = try RawPictures.luma(path("second.mkv"), work: work)
        let last = try XCTUnwrap(frames.frames.indices.last)
        let plain = try RawPictures.luma(try makeFlatClip("plain.mp4", size: "1280x720", seconds: 0.2, audio: false), work: work)
        let box = try XCTUnwrap(frames.changedBox(last, against: plain, 0, threshold: 24), "no card on the resumed stream")
        let text = try CardReader.text(of: path("second.mkv"), at: 2, box: box, work: work)
        XCTAssertTrue(text.contains("7 left"), "the stock on the resumed card: \(text)")
        XCTAssertTrue(text.contains("BACK"), "the code on the resumed card: \(text)")
        // The journal replays onto a clean recording: overlay --journal draws the show as it aired.
        let clean = try makeFlatClip("clean.mp4", size: "1280x720", seconds: 6, audio: false)
        let burnt = path("as-aired.mkv")
        let burn = try runShopcast(["overlay", clean.path, "-m", manifest.path, "--journal", journal.path, "-o", burnt.path,
                                    "--encoder-speed", "ultrafast", "-q"], timeout: 60)
        XCTAssertEqual(exitStatus(burn), 0, burn.summary)
        let cuedAt = try XCTUnwrap((cue.json?["offset"] as? NSNumber)?.doubleValue)
        let aired = try RawPictures.luma(burnt, work: work)
        let before = try XCTUnwrap(aired.times.firstIndex { $0 >= cuedAt - 0.5 })
        let after = try XCTUnwrap(aired.times.firstIndex { $0 >= cuedAt + 1.5 })
        let scarfBox = aired.changedBox(before, against: plain, 0, threshold: 24)
        XCTAssertNotNil(scarfBox, "the scheduled scarf before the cue")
        let burntText = try CardReader.text(of: burnt, at: aired.times[after], box: box, work: work)
        XCTAssertTrue(burntText.contains("7 left") && burntText.contains("BACK"), "the cued card as it aired: \(burntText)")

        let log = EventsFile(url: path("resumed.jsonl"))
        XCTAssertEqual(log.named("show.resumed").first?.number("commands"), 2)
        let announced = log.named("offer.start")
        XCTAssertEqual(announced.map { $0.string("offer") }, ["flash"], "the card on screen is announced again, once")
        XCTAssertEqual(announced.first?.string("ends_at"), endsAt)
    }
}
