import XCTest
@testable import ShopcastCLI
@testable import ShopcastCore

/// `go-live -t FORMAT:DEST`, `--fit` and `--crop-vertical`, in-process: which destinations share
/// a rendition, what each rendition's format is, and every mistake a usage error (64).
final class RenditionOptionsTests: XCTestCase {
    private func options(_ args: [String]) throws -> GoLiveOptions {
        let parsed = try ArgumentScanner.scan(args, for: GoLiveCommand.spec, commandPath: "go-live")
        return try GoLiveOptions(parsed, environment: [:])
    }

    private func usage(_ args: [String], mentions text: String, file: StaticString = #filePath, line: UInt = #line) {
        let r = runCLI(["go-live"] + args)
        XCTAssertEqual(r.code, .usage, r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(text), "expected '\(text)' in: \(r.err)", file: file, line: line)
    }

    func testAPresetBeforeAColonNamesTheFormatAndAnythingElseIsTheDestination() throws {
        let given = try options(["-t", "vertical:rtmps://live.example:443/app/k", "-t", "1080p30:youtube", "-t", "rtmp://h/app/k",
                                 "-t", "vertical:show-9x16.mkv", "-t", "show.mkv", "-t", "srt://127.0.0.1:9000"]).destinations
        XCTAssertEqual(given.map(\.format), ["vertical", "1080p30", nil, "vertical", nil, nil])
        XCTAssertEqual(given.map(\.text), ["rtmps://live.example:443/app/k", "youtube", "rtmp://h/app/k", "show-9x16.mkv", "show.mkv",
                                           "srt://127.0.0.1:9000"])
    }

    func testMistakesAreUsageErrors() {
        usage(["-t", "vertcal:tiktok.mkv"], mentions: "did you mean 'vertical'?")
        usage(["-t", "vertical:"], mentions: "no destination")
        usage(["--fit", "stretch"], mentions: "--fit 'stretch' is not crop or pad")
        usage(["--crop-vertical", "middle"], mentions: "--crop-vertical 'middle'")
        usage(["--crop-vertical", "120%"], mentions: "percentage")
        usage(["--fit", "pad", "--crop-vertical", "left"], mentions: "contradicts --fit pad")
    }

    func testFramingOptionsAreRead() throws {
        XCTAssertEqual(try options([]).framing, Framing.standard)
        XCTAssertEqual(try options(["--fit", "pad"]).framing.fit, .pad)
        XCTAssertEqual(try options(["--crop-vertical", "right"]).framing, Framing(fit: nil, position: 1))
        XCTAssertEqual(try options(["--fit", "crop", "--crop-vertical", "35%"]).framing, Framing(fit: .crop, position: 0.35))
    }

    func testDestinationsOfOneFormatShareOneRenditionInTheOrderGiven() throws {
        let show = try XCTUnwrap(OutputFormat.preset("720p30"))
        func d(_ url: String) -> Destination { Destination(kind: .recording(muxer: "matroska"), url: url, display: url) }
        let renditions = GoLiveRunner.renditions([(nil, d("/a.mkv")), ("vertical", d("/b.mkv")), ("720p30", d("/c.mkv")),
                                                  ("vertical", d("/d.mkv")), ("1080p30", d("/e.mkv"))],
                                                 show: show, named: "720p30")
        XCTAssertEqual(renditions.map(\.label), ["720p30", "vertical", "1080p30"])
        XCTAssertEqual(renditions.map { $0.destinations.map(\.url) }, [["/a.mkv", "/c.mkv"], ["/b.mkv", "/d.mkv"], ["/e.mkv"]],
                       "a prefix naming the show's own format joins it")
        XCTAssertEqual(renditions[1].format.size, FrameSize(width: 720, height: 1280))
        XCTAssertEqual(renditions[2].format.videoBitRate, 5_000_000, "a named preset brings its video bitrate")

        // The show's frame rate, keyframes and speed hold for every rendition.
        var fast = show
        fast.fps = 25
        fast.keyint = 1
        fast.encoderSpeed = "ultrafast"
        let tall = GoLiveRunner.renditions([("vertical", d("/t.mkv"))], show: fast, named: nil)
        XCTAssertEqual(tall.count, 1, "no destination left for the show's own format: it has no rendition")
        XCTAssertEqual(tall.first?.format.fps, 25)
        XCTAssertEqual(tall.first?.format.keyint, 1)
        XCTAssertEqual(tall.first?.format.encoderSpeed, "ultrafast")
        XCTAssertEqual(tall.first?.label, "vertical")
    }
}
