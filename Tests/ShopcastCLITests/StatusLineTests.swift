import XCTest
@testable import ShopcastCLI
@testable import ShopcastCore

/// go-live's status line is rewritten in place once a second: wider than the terminal, it wraps
/// and each refresh leaves a copy behind. It must fit, and still say how each destination is.
final class StatusLineTests: XCTestCase {
    private func status(_ destinations: [(String, WriterState, Int)], slate: String? = nil, lag: Double = 0) -> LiveStatus {
        LiveStatus(elapsed: 3723, frames: 111_690, fps: 29.97, bitRate: 3_512_000,
                   destinations: destinations.map { name, state, dropped in
                       var stats = WriterStats()
                       stats.state = state
                       stats.droppedPackets = dropped
                       stats.lag = lag
                       return (name, "720p30", stats)
                   }, slate: slate)
    }

    let three: [(String, WriterState, Int)] = [
        ("rtmp://a.rtmp.youtube.com/live2/****", .live, 0),
        ("rtmps://live-api-s.facebook.com:443/rtmp/****", .retrying(retry: 3, wait: 4.5), 0),
        ("/home/producer/shows/2026-12-02/spring-sale.mkv", .live, 0),
    ]

    func testThreeDestinationsFitEightyColumnsAndEachStillShowsItsState() {
        let line = StatusPrinter.line(status(three, slate: "input-lost"), width: 80)
        XCTAssertLessThanOrEqual(TerminalWidth.columns(line), 79, line)
        for word in ["01:02:03", "SLATE", "youtube", "facebook", "retrying", "spring", "rec"] {
            XCTAssertTrue(line.contains(word), "'\(word)' is missing from \(line)")
        }
    }

    func testAWideTerminalGetsTheFullLine() {
        let line = StatusPrinter.line(status(three), width: 240)
        XCTAssertTrue(line.contains("rtmps://live-api-s.facebook.com:443/rtmp/****"), line)
        XCTAssertTrue(line.contains("30.0 fps") && line.contains("3512 kb/s"), line)
        XCTAssertTrue(line.contains("spring-sale.mkv recording"), line)
    }

    func testEveryWidthFitsEvenWithDropsAndWideNames() {
        let many = three + [("rtmp://直播.example.com/live/****", .live, 1234), ("srt://10.0.0.7:9000", .failed("refused"), 0)]
        for width in 20...200 {
            let line = StatusPrinter.line(status(many, slate: "break"), width: width)
            XCTAssertLessThanOrEqual(TerminalWidth.columns(line), max(10, width - 1), "at \(width) columns: \(line)")
        }
    }

    func testADegradedDestinationShowsHowFarBehindItIsAtEveryWidth() {
        let slow: [(String, WriterState, Int)] = [("rtmp://a.rtmp.youtube.com/live2/****", .degraded, 212)] + three.dropFirst()
        let wide = StatusPrinter.line(status(slow, lag: 1.74), width: 240)
        XCTAssertTrue(wide.contains("youtube.com/live2/**** degraded 1.7s behind (212 dropped)"), wide)
        let narrow = StatusPrinter.line(status(slow, lag: 1.74), width: 80)
        XCTAssertLessThanOrEqual(TerminalWidth.columns(narrow), 79, narrow)
        XCTAssertTrue(narrow.contains("1.7s"), "the lag is missing at 80 columns: \(narrow)")
    }

    func testTwoFormatsSayWhichEachDestinationGets() {
        var two = status([("rtmp://a.rtmp.youtube.com/live2/****", .live, 0), ("rtmps://push.tiktok.example:443/live/****", .live, 0),
                          ("/home/producer/show-9x16.mkv", .live, 0)])
        two.destinations[1].format = "vertical"
        two.destinations[2].format = "vertical"
        two.renditions = [("720p30", "1280x720", 3_000_000), ("vertical", "720x1280", 3_000_000)]
        let wide = StatusPrinter.line(two, width: 240)
        XCTAssertTrue(wide.contains("720p30: rtmp://a.rtmp.youtube.com") && wide.contains("vertical: rtmps://push.tiktok"), wide)
        XCTAssertFalse(wide.contains("vertical: show-9x16"), "the format is named once, before its first destination: \(wide)")
        let narrow = StatusPrinter.line(two, width: 80)
        XCTAssertLessThanOrEqual(TerminalWidth.columns(narrow), 79, narrow)
        XCTAssertTrue(narrow.contains("vert: tiktok"), "at 80 columns the format is gone: \(narrow)")
        XCTAssertFalse(StatusPrinter.line(status(three), width: 240).contains("720p30:"), "one format needs no label")
    }
}
