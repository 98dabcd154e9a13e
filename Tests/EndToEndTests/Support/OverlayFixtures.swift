import Foundation
import XCTest

/// Inputs for the overlay tests, made by ffmpeg (an independent tool): flat-colour clips and
/// pictures, on which anything shopcast draws stands out, and small manifests.
extension EndToEndTestCase {
    /// `seconds` of one flat colour at `size` and 30 fps, H.264 (CRF 18), with a 440 Hz AAC tone
    /// unless `audio` is false.
    func makeFlatClip(_ name: String, size: String = "640x360", seconds: Double = 6, audio: Bool = true,
                      file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = path(name)
        var args = ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=0x3366AA:size=\(size):rate=30"]
        if audio { args += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"] }
        args += ["-t", String(seconds), "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p"]
        if audio { args += ["-c:a", "aac", "-b:a", "96k", "-ac", "2"] }
        args.append(url.path)
        let made = try ChildProcess.run("ffmpeg", args, logDirectory: work, name: "ffmpeg-make")
        XCTAssertEqual(made.termination, .exited(0), made.stderr, file: file, line: line)
        return url
    }

    /// A flat-colour PNG backdrop for previews.
    func makeFlatPicture(_ name: String, size: String) throws -> URL {
        let url = path(name)
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=0x3366AA:size=\(size)",
                                                  "-frames:v", "1", url.path], logDirectory: work, name: "ffmpeg-make")
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        return url
    }

    /// Writes a manifest: `products` and `offers` are YAML list/map bodies, indented by the caller.
    func writeManifest(_ name: String = "show.yaml", preset: String? = nil, products: String, offers: String) throws -> URL {
        let url = path(name)
        let yaml = """
        show:
          title: Test show
          locale: en-US
          currency: USD
        \(preset.map { "  preset: \($0)\n" } ?? "")products:
        \(products)
        offers:
        \(offers)
        """
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
