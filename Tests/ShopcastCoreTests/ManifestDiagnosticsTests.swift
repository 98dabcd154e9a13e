import Foundation
import XCTest
@testable import ShopcastCore

/// Every diagnostic the loader reports, with its exact line and column.
final class ManifestDiagnosticsTests: XCTestCase {
    let header = """
    show:
      title: Test
      currency: EUR
    products:
      scarf:
        name: Scarf
        price: 39.90

    """

    func testCleanManifestLoads() throws {
        let folder = try ManifestFolder()
        try folder.write("images/scarf.png", ManifestFolder.tinyPNG)
        let (manifest, lines) = try folder.load("""
        show:
          title: Autumn
          starts: 2026-11-27T20:00:00+01:00
          duration: 45m
          locale: it-IT
          currency: EUR
        theme:
          accent: "#E4405F"
          position: bottom
        products:
          scarf:
            name: Sciarpa
            price: 39.90
            image: images/scarf.png
            url: https://shop.example/scarf
        offers:
          - product: scarf
            at: 05:00
            for: 3m
            discount: 20%
            code: SILK20
            quantity: 50
        """)
        XCTAssertEqual(lines, [])
        let m = try XCTUnwrap(manifest)
        XCTAssertEqual(m.offers.first?.salePrice.decimalString, "31.92")
        XCTAssertEqual(m.offers.first?.at, 300)
        XCTAssertEqual(m.products["scarf"]?.imageInfo, ImageInfo(format: .png, width: 1, height: 1))
        XCTAssertEqual(m.theme.position, .bottom)
        XCTAssertEqual(m.show.starts?.zone.secondsFromGMT(), 3600)
    }

    func testSchemaErrorsAllAtOnceWithPlaces() throws {
        let folder = try ManifestFolder()
        let (manifest, lines) = try folder.load("""
        show:
          titel: Oops
          duration: 10 minutes
          locale: it_IT
          currency: EUX
          starts: 2026-11-27 20:00
        theme:
          position: middle
          accent: red
        products:
          scarf:
            name: Scarf
            price: 39,90
            url: ftp://shop.example/x
          bag:
            price: [1, 2]
        offers:
          - product: scarff
            at: 1m
            for: 3x
          - product: bag
            at: 2m
            for: 1m
            quantity: 0
            countdown: maybe
        banners:
          - text: Hi
            at: 0s
            for: 2m
            every: 1m
        extra: 1
        """)
        XCTAssertNil(manifest)
        XCTAssertEqual(lines, [
            "2:3: error: unknown key 'titel' in show; did you mean 'title'?",
            "2:3: error: show is missing required key 'title'",
            "3:13: error: show.duration '10 minutes' is not a duration; write 90s, 5m, 1h5m, 05:00 or 1:05:00",
            "4:11: error: show.locale 'it_IT' is not a known locale; write it with '-', e.g. it-IT",
            "5:13: error: show.currency 'EUX' is not an ISO 4217 currency code; did you mean 'EUR'?",
            "6:11: error: show.starts '2026-11-27 20:00' has no UTC offset: add one (e.g. 2026-11-27 20:00+01:00) or name the zone the show is in with show.zone (e.g. Europe/Rome)",
            "8:13: error: theme.position 'middle' is not one of top-left, top-right, bottom-left, bottom-right, bottom",
            "9:11: error: theme.accent 'red' is not a colour like \"#E4405F\" (quote it: # starts a YAML comment)",
            "11:3: warning: product 'scarf' is never offered",
            "13:12: error: product 'scarf' price '39,90' is not a price; write digits with a '.' for decimals, e.g. 39.90",
            "14:10: error: product 'scarf' url 'ftp://shop.example/x' is not an http:// or https:// address",
            "16:5: error: product 'bag' is missing required key 'name'",
            "16:12: error: product 'bag' price must be text, not a list",
            "18:14: error: offer names product 'scarff', which is not in products; did you mean 'scarf'?",
            "20:10: error: offer for '3x' is not a duration; write 90s, 5m, 1h5m, 05:00 or 1:05:00",
            "24:15: error: offer quantity must be a whole number of at least 1, not '0'",
            "25:16: error: offer countdown must be true or false, not 'maybe'",
            "30:12: error: banner repeats every 1m but lasts 2m; it would overlap itself",
            "31:1: error: unknown key 'extra' in the manifest (expected: show, theme, products, offers, banners, chat)",
        ])
    }

    func testOfferIdsAndOffersOnCue() throws {
        let folder = try ManifestFolder()
        let (manifest, lines) = try folder.load("""
        show:
          title: Test
          currency: EUR
        products:
          scarf:
            name: Scarf
            price: 39.90
          bag:
            name: Bag
            price: 120
        offers:
          - product: scarf
            at: 1m
            for: 1m
            quantity: 10
          - product: scarf
            quantity: 4
          - id: flash
            product: bag
            for: 30s
          - product: bag
        """)
        XCTAssertEqual(lines, ["16:5: warning: offer 'scarf-2' gives quantity 4, but the stock of 'scarf' starts at 10 (line 12) and is counted live from then on; this quantity is not used"])
        let m = try XCTUnwrap(manifest)
        XCTAssertEqual(m.offers.map(\.id), ["scarf-1", "scarf-2", "flash", "bag-1"], "scheduled first, then on cue in file order")
        XCTAssertEqual(m.offers.map(\.isOnCue), [false, true, true, true])
        XCTAssertEqual(m.offers.map(\.length), [60, nil, 30, nil], "an offer on cue needs no length")

        let (_, clashes) = try folder.load("""
        show:
          title: Test
          currency: EUR
        products:
          scarf:
            name: Scarf
            price: 39.90
          bag:
            name: Bag
            price: 120
        offers:
          - id: bag
            product: scarf
          - id: x
            product: scarf
          - id: x
            product: bag
          - id: no spaces
            product: bag
        """)
        XCTAssertEqual(clashes, [
            "12:9: error: offer id 'bag' is the id of product 'bag'; cues would not know which is meant",
            "16:5: error: offer id 'x' is already used by the offer on line 14; give one of them its own 'id:'",
            "18:9: error: offer id 'no spaces' must be a word of letters, digits, '-', '_' or '.'",
        ])
    }

    func testOfferPriceRules() throws {
        let folder = try ManifestFolder()
        let (_, lines) = try folder.load(header + """
        offers:
          - product: scarf
            at: 0s
            for: 1m
            discount: 0%
          - product: scarf
            at: 1m
            for: 1m
            discount: 100%
          - product: scarf
            at: 2m
            for: 1m
            price: 39.90
          - product: scarf
            at: 3m
            for: 1m
            discount: 10%
            price: 30
          - product: scarf
            at: 4m
            for: 1m
            price: 29.999
          - product:
            for: 1m
        """)
        XCTAssertEqual(lines, [
            "12:15: error: offer discount '0%' must be a percentage from 1% to 99%",
            "16:15: error: offer discount '100%' must be a percentage from 1% to 99%",
            "20:12: error: offer price 39.90 is not below the list price 39.90 of 'scarf'",
            "25:5: error: offer gives both a discount (line 24) and a sale price; give one or the other",
            "29:12: error: offer price '29.999' has more than 2 decimals for EUR",
            "30:13: error: offer product is empty",
        ])
    }

    func testOverlapNamesBothLinesAndDurationLimit() throws {
        let folder = try ManifestFolder()
        let (_, lines) = try folder.load("""
        show:
          title: Test
          currency: JPY
          locale: ja-JP
          duration: 10m
        products:
          tea:
            name: Tea
            price: 3990.5
          cup:
            name: Cup
            price: 1200
        offers:
          - product: cup
            at: 5m
            for: 3m
          - product: cup
            at: 7m
            for: 4m
        banners:
          - text: Late
            at: 10m
            for: 1m
        """)
        XCTAssertEqual(lines, [
            "7:3: warning: product 'tea' is never offered",
            "9:12: error: product 'tea' price '3990.5' has decimals, but JPY prices have none",
            "17:5: error: offers on lines 14 and 17 are on screen at the same time: 'cup-1' 5m–8m and 'cup-2' 7m–11m",
            "17:5: error: offer 'cup-2' ends at 11m, after the show's duration 10m",
            "21:5: error: banner starts at 10m, after the show's duration 10m",
        ])
    }

    func testStructureAndSyntax() throws {
        let folder = try ManifestFolder()
        XCTAssertEqual(try folder.load("").lines, ["1:1: error: the manifest is empty; it needs at least a 'show:' with a title"])
        XCTAssertEqual(try folder.load("- a\n- b\n").lines, ["1:1: error: the manifest must be a mapping of keys to values, not a list"])
        XCTAssertEqual(try folder.load("show:\n  title: [unclosed\n").lines,
                       ["3:1: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence)"])
        XCTAssertEqual(try folder.load("show:\n  title: A\n  title: B\n").lines,
                       ["2:3: error: key 'title' appears twice in the same mapping"])
        XCTAssertEqual(try folder.load("show: x\n").lines,
                       ["1:1: warning: the manifest has no offers", "1:7: error: show must be a mapping of keys to values, not 'x'"])
        XCTAssertEqual(try folder.load("show:\n  title: T\noffers: 3\n").lines,
                       ["3:9: error: offers must be a list (lines starting with '- '), not '3'"])
        XCTAssertEqual(try folder.load("show:\n  title: T\n").lines, ["1:1: warning: the manifest has no offers"])
        XCTAssertEqual(try folder.load("show:\n  title: T\n---\nshow: {}\n").lines,
                       ["3:1: error: a manifest is a single YAML document; found a second one"])
        XCTAssertEqual(try folder.load("show:\n  title: T\n  <<: {a: 1}\n").lines,
                       ["1:1: warning: the manifest has no offers", "3:3: error: unknown key '<<' in show; YAML merge keys are not supported"])
    }

    func testImages() throws {
        let folder = try ManifestFolder()
        try folder.write("ok.png", ManifestFolder.tinyPNG)
        try folder.write("short.png", Array(ManifestFolder.tinyPNG.prefix(20)))
        try folder.write("text.png", Array("not an image at all, just text".utf8))
        try folder.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03] + Array(repeating: 0, count: 9))
        try folder.write("cut.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46])
        let outside = try ManifestFolder()
        try outside.write("secret.png", ManifestFolder.tinyPNG)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("link.png").path,
                                                   withDestinationPath: outside.url.appendingPathComponent("secret.png").path)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("inside.png").path,
                                                   withDestinationPath: "ok.png")
        let products = [("ok.png", "a"), ("inside.png", "b"), ("photo.jpg", "c"), ("missing.png", "d"), ("short.png", "e"),
                        ("text.png", "f"), ("cut.jpg", "g"), ("../ok.png", "h"), ("/etc/hostname", "i"),
                        ("link.png", "j"), ("https://cdn.example/x.png", "k"), ("file:ok.png", "l"), (".", "m")]
        var yaml = "show:\n  title: T\n  currency: EUR\nproducts:\n"
        for (image, id) in products { yaml += "  \(id):\n    name: N\n    price: 1\n    image: \(image)\n" }
        yaml += "offers:\n"
        for (i, (_, id)) in products.enumerated() { yaml += "  - {product: \(id), at: \(i)m, for: 1m}\n" }
        let (manifest, lines) = try folder.load(yaml)
        XCTAssertNil(manifest)
        XCTAssertEqual(lines, [
            "16:12: error: image 'photo.jpg' does not decode as a picture (a truncated or damaged file?)",
            "20:12: error: image 'missing.png' not found in \(folder.url.path)",
            "24:12: error: image 'short.png' is not a complete PNG, JPEG or WebP file",
            "28:12: error: image 'text.png' is not a complete PNG, JPEG or WebP file",
            "32:12: error: image 'cut.jpg' is not a complete PNG, JPEG or WebP file",
            "36:12: error: image '../ok.png' goes outside the manifest's folder ('..')",
            "40:12: error: image '/etc/hostname' is an absolute path; give a path relative to the manifest's folder",
            "44:12: error: image 'link.png' is a symbolic link to outside the manifest's folder",
            "48:12: error: image 'https://cdn.example/x.png' is a URL; give a file path relative to the manifest's folder",
            "52:12: error: image 'file:ok.png' is a URL; give a file path relative to the manifest's folder",
            "56:12: error: image '.' is not a regular file",
        ])
    }

    /// What only decoding finds, and what decoding would cost: checked when the manifest is
    /// read, so the show never stalls on a picture at an offer's start.
    func testPicturesAreDecodedWhenReadAndHugeOnesRefusedBeforeDecoding() throws {
        let folder = try ManifestFolder()
        try folder.write("ok.png", ManifestFolder.tinyPNG)
        // A complete header and nothing after it: looks like a PNG, holds no picture.
        try folder.write("truncated.png", Array(ManifestFolder.tinyPNG.prefix(33)))
        // A header that declares 16000x16000 pixels: refused from the header, never decoded.
        var huge = Array(ManifestFolder.tinyPNG)
        huge.replaceSubrange(16..<24, with: [0, 0, 0x3E, 0x80, 0, 0, 0x3E, 0x80])
        try folder.write("huge.png", huge)
        let started = Date()
        let (manifest, lines) = try folder.load("""
        show: {title: T, currency: EUR}
        products:
          a: {name: A, price: 1, image: ok.png}
          b: {name: B, price: 1, image: truncated.png}
          c: {name: C, price: 1, image: huge.png}
        offers: [{product: a, at: 0s, for: 1m}, {product: b, at: 1m, for: 1m}, {product: c, at: 2m, for: 1m}]
        """)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "the huge picture was decoded")
        XCTAssertNil(manifest)
        XCTAssertEqual(lines, [
            "4:33: error: image 'truncated.png' does not decode as a picture (a truncated or damaged file?)",
            "5:33: error: image 'huge.png' is 16000x16000 pixels; at most 50 megapixels are accepted (the card shows it at most 480 pixels wide): scale it down",
        ])
        let (good, clean) = try folder.load("""
        show: {title: T, currency: EUR}
        products: {a: {name: A, price: 1, image: ok.png}}
        offers: [{product: a, at: 0s, for: 1m}]
        """)
        XCTAssertEqual(clean, [])
        let picture = try XCTUnwrap(good?.products["a"]?.picture, "the picture is decoded with the manifest")
        XCTAssertEqual([picture.width, picture.height], [1, 1])
    }

    /// A discount the currency's rounding swallows: the badge would promise what the price
    /// does not give (or give the product away).
    func testDiscountsThatRoundAwayAreErrors() throws {
        let (_, lines) = try ManifestFolder().load("""
        show: {title: T, currency: JPY}
        products:
          pin: {name: Pin, price: 50}
          cup: {name: Cup, price: 1}
          mug: {name: Mug, price: 1000}
        offers:
          - {product: pin, at: 0s, for: 1m, discount: 1%}
          - {product: cup, at: 1m, for: 1m, discount: 99%}
          - {product: mug, at: 2m, for: 1m, discount: 1%}
        """)
        XCTAssertEqual(lines, [
            "7:47: error: offer discount 1% of 50 JPY rounds to the list price 50: the badge would promise a saving the price does not give",
            "8:47: error: offer discount 99% of 1 JPY rounds the sale price to 0",
        ])
    }

    func testABannerRepeatingTooOftenIsBoundedAndPlanCountsWithoutListing() throws {
        let (_, lines) = try ManifestFolder().load("""
        show: {title: T, duration: 1h}
        banners:
          - {text: Blink, at: 0s, for: 0.001, every: 0.002}
          - {text: Fine, at: 0s, for: 10s, every: 1m}
        """)
        XCTAssertEqual(lines.filter { $0.contains("error") }, [
            "3:5: error: banner repeats every 0s: 1800000 times in a show of 1h; at most 10000 (repeat it less often)",
        ])
        let banner = Banner(id: "b", text: "x", start: 0, length: 0.5, every: 1e-6, line: 1)
        let timeline = Timeline(offers: [], banners: [banner], duration: 3600)
        XCTAssertEqual(timeline.occurrenceCount(of: banner), 3_600_000_000)
        let small = Timeline(offers: [], banners: [Banner(id: "c", text: "x", start: 5, length: 10, every: 60, line: 1)], duration: 3600)
        XCTAssertEqual(small.occurrenceCount(of: small.banners[0]), small.occurrences(of: small.banners[0]).count)
    }

    func testJPEGAndWebPHeaders() {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40] + Array(repeating: 0, count: 12)
        XCTAssertEqual(ImageHeader.read(jpeg), ImageInfo(format: .jpeg, width: 64, height: 32))
        var webp = Array("RIFF".utf8) + [22, 0, 0, 0] + Array("WEBPVP8L".utf8) + [10, 0, 0, 0, 0x2F]
        let bits = (100 - 1) | ((50 - 1) << 14)
        webp += [UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF), UInt8(bits >> 24)]
        webp += [0, 0, 0, 0, 0]
        XCTAssertEqual(ImageHeader.read(webp), ImageInfo(format: .webp, width: 100, height: 50))
        XCTAssertNil(ImageHeader.read(Array(webp.prefix(16))))
    }

    func testRendering() {
        let d = Diagnostic(file: "show.yaml", line: 12, column: 5, severity: .error, message: "say \"hi\"")
        XCTAssertEqual(DiagnosticRenderer.text([d]), "show.yaml:12:5: error: say \"hi\"\n")
        XCTAssertEqual(DiagnosticRenderer.jsonDocument([d]),
                       #"{"ok":false,"errors":1,"warnings":0,"diagnostics":[{"file":"show.yaml","line":12,"column":5,"severity":"error","message":"say \"hi\""}]}"# + "\n")
    }
}
