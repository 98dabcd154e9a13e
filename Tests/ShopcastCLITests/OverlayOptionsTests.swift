import XCTest
@testable import ShopcastCLI
import ShopcastCore

/// `overlay`'s command line, in-process: a burn and a preview take different options, and every
/// mistake is a usage error (64) with a message saying what to do.
final class OverlayOptionsTests: XCTestCase {
    private func usage(_ args: [String], mentions text: String, file: StaticString = #filePath, line: UInt = #line) {
        let r = runCLI(["overlay"] + args)
        XCTAssertEqual(r.code, .usage, r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(text), "expected '\(text)' in: \(r.err)", file: file, line: line)
    }

    func testMistakesAreUsageErrors() {
        usage(["in.mp4", "-o", "out.mp4"], mentions: "--manifest")
        usage(["-m", "show.yaml", "-o", "out.mp4"], mentions: "missing INPUT")
        usage(["in.mp4", "-m", "show.yaml"], mentions: "missing -o")
        usage(["in.mp4", "-m", "show.yaml", "-o", "out.webm"], mentions: ".mp4, .mov, .mkv")
        usage(["in.mp4", "-m", "show.yaml", "-o", "out.mp4", "--crf", "60"], mentions: "--crf '60'")
        usage(["in.mp4", "-m", "show.yaml", "-o", "out.mp4", "--encoder-speed", "veryfst"], mentions: "did you mean 'veryfast'?")
        usage(["in.mp4", "-m", "show.yaml", "-o", "out.mp4", "--at", "5s"], mentions: "--at is for --preview")
        usage(["in.mp4", "-m", "show.yaml", "-o", "out.mp4", "--start", "soon"], mentions: "--start 'soon'")
        usage(["--preview", "in.mp4", "-m", "show.yaml", "-o", "dir"], mentions: "--background")
        usage(["--preview", "-m", "show.yaml"], mentions: "missing -o DIR")
        usage(["--preview", "-m", "show.yaml", "-o", "dir", "--crf", "20"], mentions: "--crf is for burning")
        usage(["--preview", "-m", "show.yaml", "-o", "dir", "--size", "1281x720"], mentions: "--size")
        usage(["--preview", "-m", "show.yaml", "-o", "dir", "--offer", "scarf", "--at", "5s"], mentions: "give one of them")
    }

    func testOffsetsAndSettingsAreParsed() throws {
        func burn(_ args: [String]) throws -> OverlayOptions.Burn? {
            let parsed = try ArgumentScanner.scan(args, for: OverlayCommand.spec, commandPath: "overlay")
            if case .burn(let b) = try OverlayOptions(parsed).mode { return b }
            return nil
        }
        let b = try burn(["in.mp4", "-m", "s.yaml", "-o", "o.mkv", "--start", "12m", "--crf", "18.5", "--encoder-speed", "fast"])
        XCTAssertEqual(b?.startOffset, 720)
        XCTAssertEqual(b?.video.crf, 18.5)
        XCTAssertEqual(b?.video.speed, "fast")
        XCTAssertEqual(try burn(["in.mp4", "-m", "s.yaml", "-o", "o.mkv", "--start=-30s"])?.startOffset, -30)
        XCTAssertEqual(try burn(["in.mp4", "-m", "s.yaml", "-o", "o.mkv"])?.video, FileVideoSettings(crf: 20, speed: "veryfast"))
    }

    func testHelpNamesBothModes() {
        let r = runCLI(["overlay", "--help"])
        XCTAssertEqual(r.code, .success)
        XCTAssertTrue(r.out.contains("--preview"))
        XCTAssertTrue(r.out.contains("SIGINT"))
    }
}
