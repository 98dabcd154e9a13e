import Foundation
import XCTest

/// `shopcast overlay --preview`: the PNGs are checked as a viewer would see them, decoded by
/// ffmpeg and compared with the backdrop they were drawn over; the QR code is read back by zbarimg.
final class OverlayPreviewTests: EndToEndTestCase {
    private let products = """
      scarf:
        name: Silk scarf
        price: 40
        url: https://shop.example/scarf
      gloves:
        name: Cashmere gloves
        price: 25
        url: https://shop.example/gloves?colour=grey
    """

    func testOnePicturePerOfferAContactSheetAndAReadableQRCode() throws {
        let manifest = try writeManifest(products: products, offers: """
          - product: scarf
            at: 1m
            for: 3m
            discount: 20%
            code: SILK20
          - product: gloves
            at: 5m
            for: 2m
        """)
        let out = path("previews")
        let run = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", out.path])
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let listed = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(listed.map { ($0 as NSString).lastPathComponent },
                       ["offer-scarf.png", "offer-gloves.png", "contact-sheet.png"], "stdout: \(run.stdout)")
        for file in listed { XCTAssertTrue(FileManager.default.fileExists(atPath: file), "\(file) is printed but missing") }
        guard listed.count == 3 else { return }

        let first = try RawPictures.rgb(URL(fileURLWithPath: listed[0]), work: work)
        XCTAssertEqual([first.width, first.height], [1280, 720], "a manifest without show.preset previews at 1280x720")
        let sheet = try RawPictures.rgb(URL(fileURLWithPath: listed[2]), work: work)
        XCTAssertGreaterThan(sheet.width, 600)
        XCTAssertGreaterThan(sheet.height, 200)
        // The sheet shows each still in its own tile, under a header, on the sheet's dark ground:
        // the stills, scaled down by ffmpeg, against the sheet's tiles (400 px wide, 24 px
        // margins, a 56 px header); the header's right end and the gap between tiles are ground.
        XCTAssertEqual([sheet.width, sheet.height], [24 + 2 * 424, 56 + 225 + 54 + 24 + 12], "two landscape tiles side by side")
        for (i, still) in listed.prefix(2).enumerated() where sheet.width >= 24 + 2 * 424 && sheet.height >= 56 + 225 {
            let small = path("tile-\(i).png")
            let scaled = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", still, "-vf", "scale=400:225", small.path],
                                              logDirectory: work, name: "scale-tile-\(i)")
            XCTAssertEqual(scaled.termination, .exited(0), scaled.stderr)
            let tile = try RawPictures.rgb(small, work: work)
            var differing = 0
            for y in 0..<225 {
                for x in 0..<400 {
                    let s = ((56 + y) * sheet.width + 24 + i * 424 + x) * 3, t = (y * 400 + x) * 3
                    if (0..<3).contains(where: { abs(Int(sheet.frames[0][s + $0]) - Int(tile.frames[0][t + $0])) > 40 }) { differing += 1 }
                }
            }
            XCTAssertLessThan(Double(differing) / (400 * 225), 0.05, "tile \(i) of the contact sheet is not its still (\(differing) pixels differ)")
        }
        func isGround(_ x: Int, _ y: Int) -> Bool {
            let p = (y * sheet.width + x) * 3
            return (0..<3).allSatisfy { Int(sheet.frames[0][p + $0]) < 45 }
        }
        XCTAssertTrue((0..<52).allSatisfy { y in isGround(sheet.width - 30, y) }, "the header is covered by a still")
        XCTAssertTrue((56..<281).allSatisfy { y in isGround(24 + 400 + 12, y) }, "the gap between tiles is covered")

        for (file, url) in [(listed[0], "https://shop.example/scarf"), (listed[1], "https://shop.example/gloves?colour=grey")] {
            let zbar = try ChildProcess.run("zbarimg", ["-q", "--raw", file], logDirectory: work)
            XCTAssertEqual(zbar.stdout.trimmingCharacters(in: .whitespacesAndNewlines), url,
                           "the QR code in \((file as NSString).lastPathComponent) does not read back as the product link: \(zbar.stderr)")
        }

        // One offer, or one moment, on request; offers by the ids 'schedule plan' prints.
        let one = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("one").path, "--offer", "gloves"])
        XCTAssertEqual(exitStatus(one), 0, one.summary)
        XCTAssertEqual(one.stdout.split(separator: "\n").map { ($0 as NSString).lastPathComponent }, ["offer-gloves.png"])
        let at = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("at").path, "--at", "90s"])
        XCTAssertEqual(exitStatus(at), 0, at.summary)
        XCTAssertEqual(at.stdout.split(separator: "\n").map { ($0 as NSString).lastPathComponent }, ["at-01m30s.png"])
        // Into the folder of the whole show's previews: its contact sheet stays the whole show's.
        let before = try Data(contentsOf: URL(fileURLWithPath: listed[2]))
        let again = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", out.path, "--offer", "gloves"])
        XCTAssertEqual(exitStatus(again), 0, again.summary)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: listed[2])), before, "--offer replaced the full contact sheet")
        let none = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("none").path, "--offer", "hat"])
        XCTAssertEqual(exitStatus(none), 65, none.summary)
        XCTAssertTrue(none.stderr.contains("its offers are scarf, gloves"), none.stderr)
        let both = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("both").path, "--offer", "gloves", "--at", "5s"])
        XCTAssertEqual(exitStatus(both), 64, both.summary)
    }

    func testLatinChineseAndArabicNamesDrawGlyphsNotBoxes() throws {
        let manifest = try writeManifest(products: """
          latin:
            name: Eșarfă din mătase
            price: 40
          chinese:
            name: 真丝围巾 限量版
            price: 40
          arabic:
            name: وشاح من الحرير
            price: 40
        """, offers: """
          - product: latin
            at: 0s
            for: 10s
          - product: chinese
            at: 10s
            for: 10s
          - product: arabic
            at: 20s
            for: 10s
        """)
        let backdrop = try makeFlatPicture("flat.png", size: "1280x720")
        let normal = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("normal").path, "--background", backdrop.path])
        XCTAssertEqual(exitStatus(normal), 0, normal.summary)

        // The same cards where fontconfig knows only Noto Sans, which has no CJK or Arabic
        // letters: those names then draw as boxes. The real render must differ from that.
        let fonts = try folder("latin-fonts")
        let noto = "/usr/share/fonts/truetype/noto"
        for name in try FileManager.default.contentsOfDirectory(atPath: noto) where name.hasPrefix("NotoSans-") && name.hasSuffix(".ttf") {
            try FileManager.default.copyItem(atPath: "\(noto)/\(name)", toPath: fonts.appendingPathComponent(name).path)
        }
        let config = path("fonts.conf")
        try """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig><dir>\(fonts.path)</dir><cachedir>\(path("fc-cache").path)</cachedir></fontconfig>
        """.write(to: config, atomically: true, encoding: .utf8)
        let boxes = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("boxes").path, "--background", backdrop.path],
                                    environment: ["FONTCONFIG_FILE": config.path])
        XCTAssertEqual(exitStatus(boxes), 0, boxes.summary)

        let flat = try RawPictures.rgb(backdrop, work: work)
        for (file, script, fallbackMatters) in [("offer-latin.png", "Latin", false), ("offer-chinese.png", "Chinese", true),
                                                ("offer-arabic.png", "Arabic", true)] {
            let real = try RawPictures.rgb(path("normal/\(file)"), work: work)
            let tofu = try RawPictures.rgb(path("boxes/\(file)"), work: work)
            XCTAssertNotNil(real.changedBox(0, against: flat, 0, threshold: 24), "no card drawn for the \(script) name")
            let differing = real.changedPixels(0, against: tofu, 0, threshold: 40)
            if fallbackMatters {
                XCTAssertGreaterThan(differing, 300, "the \(script) name looks the same as in a font without \(script) letters: drawn as boxes?")
            } else {
                XCTAssertLessThan(differing, 30, "the Latin card changed when only Noto Sans was available; the comparison proves nothing")
            }
        }
    }

    func testLongNameStaysInsideTheCard() throws {
        let manifest = try writeManifest(products: """
          short:
            name: Scarf
            price: 40
            url: https://shop.example/s
          long:
            name: Hand-rolled pure mulberry silk twill scarf with a hand-printed autumn botanical pattern, limited numbered edition in a gift box
            price: 40
            url: https://shop.example/l
            description: A description that is also far too long to fit on a single line of any reasonable product card at all
        """, offers: """
          - product: short
            at: 0s
            for: 10s
            discount: 10%
          - product: long
            at: 10s
            for: 10s
            discount: 10%
            code: AVERYLONGDISCOUNTCODE2026
            quantity: 1000000
        """)
        let backdrop = try makeFlatPicture("flat.png", size: "1280x720")
        let run = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("p").path, "--background", backdrop.path])
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let flat = try RawPictures.rgb(backdrop, work: work)
        let short = try RawPictures.rgb(path("p/offer-short.png"), work: work)
        let long = try RawPictures.rgb(path("p/offer-long.png"), work: work)
        guard let shortBox = short.changedBox(0, against: flat, 0, threshold: 24),
              let longBox = long.changedBox(0, against: flat, 0, threshold: 24) else {
            XCTFail("no card drawn")
            return
        }
        // Text spilling out of the card would widen what changed beyond a filled card shape.
        XCTAssertLessThanOrEqual(longBox.width, 1280 * 6 / 10, "the long-name card (\(longBox)) is wider than a card should be: text spilled out?")
        XCTAssertEqual(longBox.x, shortBox.x, accuracy: 2, "the long name moved the card's leading edge")
        let fill = Double(long.changedPixels(0, against: flat, 0, threshold: 24, in: longBox)) / Double(longBox.area)
        XCTAssertGreaterThan(fill, 0.9, "only \(Int(fill * 100))% of \(longBox) is card: something was drawn outside it")
        XCTAssertTrue(longBox.x >= 16 && longBox.y >= 16 && longBox.maxX <= 1280 - 16 && longBox.maxY <= 720 - 16,
                      "the card \(longBox) leaves the frame's safe margins")
    }

    func testVerticalShowsCardFitsInsideTheFrame() throws {
        let manifest = try writeManifest(preset: "vertical", products: products, offers: """
          - product: scarf
            at: 0s
            for: 1m
            discount: 20%
            code: SILK20
            quantity: 50
        """)
        // A video as the backdrop: its first frame is what the card is drawn over.
        let clip = try makeFlatClip("set.mp4", size: "720x1280", seconds: 1, audio: false)
        let firstFrame = path("first.png")
        let grab = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", clip.path, "-frames:v", "1", firstFrame.path],
                                        logDirectory: work)
        XCTAssertEqual(grab.termination, .exited(0), grab.stderr)
        let run = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("v").path, "--background", clip.path])
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let still = try RawPictures.rgb(path("v/offer-scarf.png"), work: work)
        XCTAssertEqual([still.width, still.height], [720, 1280], "show.preset vertical should preview at 720x1280")
        let backdrop = try RawPictures.rgb(firstFrame, work: work)
        guard still.width == backdrop.width, still.height == backdrop.height,
              let card = still.changedBox(0, against: backdrop, 0, threshold: 24) else {
            XCTFail("no card drawn over the video's first frame")
            return
        }
        XCTAssertTrue(card.x >= 8 && card.y >= 8 && card.maxX <= 720 - 8 && card.maxY <= 1280 - 8,
                      "the vertical card \(card) does not fit inside the 720x1280 frame with a margin")
        XCTAssertGreaterThan(card.width, 720 / 2, "the vertical card \(card) is too narrow to read on a phone")
        // Away from the card the video's own picture shows, not the neutral backdrop.
        XCTAssertEqual(still.changedPixels(0, against: backdrop, 0, threshold: 24, in: PixelRect(x: 0, y: 0, width: 720, height: 400)), 0,
                       "the top of the frame is not the --background video's first frame")
    }
}
