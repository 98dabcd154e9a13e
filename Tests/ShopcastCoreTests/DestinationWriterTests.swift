import XCTest
@testable import ShopcastCore

/// A destination that stops reading: its writer must drop video up to the next keyframe (never
/// audio), never block the encoder, and leave a stream that still decodes. Real encoders, a
/// real muxer, and a FIFO whose reader stalls stand in for a congested network.
final class DestinationWriterTests: XCTestCase {
    func testStalledDestinationDropsVideoToKeyframesNeverAudio() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } }
        let fifo = folder.appendingPathComponent("stalled.ts").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Open the read end without reading: the pipe fills and the writer blocks in write().
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)

        let format = OutputFormat(size: FrameSize(width: 160, height: 96), fps: 30, videoBitRate: 1_000_000, keyint: 1,
                                  encoderSpeed: "ultrafast")
        let video = try Encoder.makeVideo(format), audio = try Encoder.makeAudio(format)
        let writer = DestinationWriter(destination: Destination(kind: .recording(muxer: "mpegts"), url: fifo, display: fifo),
                                       video: video, audio: audio,
                                       settings: .init(maxRetries: 0, caFile: nil, dropThreshold: 0.7), events: EventBus())
        writer.start()
        XCTAssertTrue(waitUntil(seconds: 5) { writer.snapshot.state == .live }, "the writer should open the FIFO")

        // Ten seconds of show, produced as fast as the encoders go.
        var audioPackets = 0, videoPackets = 0
        let started = Date()
        var samples: Int64 = 0
        for index in 0..<300 {
            let picture = try Frame(videoWidth: 160, height: 96)
            for plane in 0..<3 {
                let p = picture.plane(plane)!
                p.data.initialize(repeating: UInt8(truncatingIfNeeded: index * (plane + 1)), count: p.stride * (plane == 0 ? 96 : 48))
            }
            picture.pts = Int64(index)
            try video.send(picture)
            for packet in try video.drain() { videoPackets += 1; writer.enqueue(packet) }
            while samples + 1024 <= Int64(index + 1) * 48_000 / 30 {
                let sound = try Frame(audioSamples: 1024, sampleRate: 48_000, channels: 2)
                for channel in 0..<2 {
                    sound.plane(channel)!.data.withMemoryRebound(to: Float.self, capacity: 1024) { $0.initialize(repeating: 0, count: 1024) }
                }
                sound.pts = samples
                samples += 1024
                try audio.send(sound)
                for packet in try audio.drain() { audioPackets += 1; writer.enqueue(packet) }
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 8, "enqueue must never wait for the stalled destination")
        let dropped = writer.snapshot.droppedPackets
        XCTAssertGreaterThan(dropped, 100, "most video should have been dropped while the destination stalled")

        // The reader comes back: drain the FIFO into a file while the writer finishes.
        let copy = folder.appendingPathComponent("received.ts")
        FileManager.default.createFile(atPath: copy.path, contents: nil)
        let out = try FileHandle(forWritingTo: copy)
        _ = fcntl(reader, F_SETFL, 0)
        let drain = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(reader, &buffer, buffer.count)
                if n <= 0 { break }
                out.write(Data(buffer[0..<n]))
            }
        }
        drain.start()
        writer.finish(deadline: 10)
        XCTAssertEqual(writer.snapshot.state, .finished)
        XCTAssertTrue(waitUntil(seconds: 5) { drain.isFinished })
        close(reader)
        try out.close()

        let counts = try packetCounts(copy.path)
        XCTAssertEqual(counts.audio, audioPackets, "every audio packet arrives: audio is never dropped")
        XCTAssertEqual(counts.video + dropped, videoPackets, "what is not delivered was counted as dropped")
        XCTAssertLessThan(counts.video, videoPackets)
        let errors = try run(["ffmpeg", "-v", "error", "-i", copy.path, "-f", "null", "-"])
        XCTAssertEqual(errors.trimmingCharacters(in: .whitespacesAndNewlines), "", "the stream must decode cleanly after the drops")
    }

    private func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }

    private func packetCounts(_ path: String) throws -> (video: Int, audio: Int) {
        let text = try run(["ffprobe", "-v", "error", "-show_entries", "packet=codec_type", "-of", "csv=p=0", path], stdout: true)
        let lines = text.split(separator: "\n")
        return (lines.filter { $0.hasPrefix("video") }.count, lines.filter { $0.hasPrefix("audio") }.count)
    }

    /// Runs a checker; returns stdout (or stderr), within a deadline.
    private func run(_ argv: [String], stdout: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        let pipe = Pipe()
        if stdout { process.standardOutput = pipe } else { process.standardError = pipe; process.standardOutput = FileHandle.nullDevice }
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
