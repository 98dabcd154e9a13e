import XCTest
@testable import ShopcastCore

/// A show that has ended lets go of what it held — the input (its file descriptor), decoders,
/// encoders and pictures — when `run()` returns, not whenever the process happens to exit.
final class LiveSessionReleaseTests: XCTestCase {
    func testTheInputAndEncodersAreReleasedWhenTheShowEnds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.mp4").path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        make.arguments = ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x96:rate=30", "-f", "lavfi", "-i", "sine=sample_rate=48000",
                          "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", input]
        try make.run()
        make.waitUntilExit()
        XCTAssertEqual(make.terminationStatus, 0)

        let recording = folder.appendingPathComponent("show.mkv").path
        let format = OutputFormat(size: FrameSize(width: 160, height: 96), fps: 30, videoBitRate: 500_000, keyint: 1,
                                  encoderSpeed: "ultrafast")
        let config = LiveConfig(inputs: [.file(input)], destinations: [Destination(kind: .recording(muxer: "matroska"), url: recording, display: recording)],
                                loop: false, format: format, duration: 1, maxRetries: 0, caFile: nil, environment: [:])
        let session = try LiveSession(config: config, events: EventBus())
        XCTAssertEqual(openDescriptors(to: input), 1, "the input is open while the show is on")
        let summary = session.run { _ in }
        guard case .completed = summary.outcome else { return XCTFail("outcome \(summary.outcome)") }
        XCTAssertEqual(openDescriptors(to: input), 0, "the input is closed when run() returns, with the session still alive")
        XCTAssertTrue(session.mediaReleased, "decoders and encoders are freed")
        withExtendedLifetime(session) {}
        XCTAssertGreaterThan((try? FileManager.default.attributesOfItem(atPath: recording)[.size] as? Int) ?? 0, 1000)
    }

    private func openDescriptors(to path: String) -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == path }.count
    }
}
