import Foundation
import XCTest

/// A phone's portrait video carries a display matrix saying how to turn its pictures: `overlay`
/// burns onto the upright picture, and a preview's --background shows it upright, as the ffmpeg
/// CLI (which turns pictures by the matrix on its own) shows it.
final class OverlayRotationTests: EndToEndTestCase {
    func testAPortraitPhoneVideoIsUprightInTheBurnAndAsAPreviewBackground() throws {
        // SMPTE bars are lopsided every way: any wrong turn or mirror shows.
        let flat = path("bars.mp4"), portrait = path("portrait.mp4")
        for (arguments, name) in [(["-f", "lavfi", "-i", "smptebars=size=640x360:rate=30", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast",
                                    "-pix_fmt", "yuv420p", flat.path], "make-bars"),
                                  (["-i", flat.path, "-c", "copy", "-metadata:s:v:0", "rotate=90", portrait.path], "tag-rotation")] {
            let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error"] + arguments, logDirectory: work, name: name)
            XCTAssertEqual(made.termination, .exited(0), made.stderr)
        }
        let reference = path("reference.png")
        try grab(portrait, into: reference)
        let manifest = try writeManifest(preset: "vertical", products: """
          scarf:
            name: Silk scarf
            price: 40
        """, offers: """
          - product: scarf
            at: 2s
            for: 1s
            discount: 20%
        """)

        // The burn: upright, portrait-shaped, and the same picture ffmpeg shows (before the card).
        let burnt = path("burnt.mp4")
        let run = try runShopcast(["overlay", portrait.path, "-m", manifest.path, "-o", burnt.path, "--encoder-speed", "ultrafast"], timeout: 60)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let info = try probe(burnt)
        XCTAssertEqual([info.video?.width ?? 0, info.video?.height ?? 0], [360, 640], "the burnt video is not portrait")
        let first = path("burnt-first.png")
        try grab(burnt, into: first)
        let ours = try RawPictures.rgb(first, work: work), theirs = try RawPictures.rgb(reference, work: work)
        XCTAssertEqual([ours.width, ours.height], [theirs.width, theirs.height])
        if ours.width == theirs.width, ours.height == theirs.height {
            let changed = ours.changedPixels(0, against: theirs, 0, threshold: 24)
            XCTAssertLessThan(Double(changed) / Double(ours.width * ours.height), 0.01,
                              "the burnt picture is not the upright one ffmpeg shows (\(changed) pixels differ)")
        }

        // The preview's backdrop: the same upright picture, scaled to the 720x1280 frame.
        let big = path("reference-720x1280.png")
        let scaled = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", reference.path, "-vf", "scale=720:1280", big.path],
                                          logDirectory: work, name: "scale-reference")
        XCTAssertEqual(scaled.termination, .exited(0), scaled.stderr)
        let preview = try runShopcast(["overlay", "--preview", "-m", manifest.path, "-o", path("previews").path, "--background", portrait.path])
        XCTAssertEqual(exitStatus(preview), 0, preview.summary)
        let still = try RawPictures.rgb(path("previews/offer-scarf.png"), work: work), backdrop = try RawPictures.rgb(big, work: work)
        XCTAssertEqual([still.width, still.height], [720, 1280])
        if still.width == backdrop.width, still.height == backdrop.height {
            let top = PixelRect(x: 0, y: 0, width: 720, height: 400)
            let changed = still.changedPixels(0, against: backdrop, 0, threshold: 32, in: top)
            XCTAssertLessThan(Double(changed) / Double(top.area), 0.02,
                              "above the card the preview does not show the upright video (\(changed) pixels differ)")
        }
    }

    /// The first picture of `video` as a PNG, as the ffmpeg CLI shows it (turned by its matrix).
    private func grab(_ video: URL, into png: URL) throws {
        let grabbed = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", video.path, "-frames:v", "1", png.path],
                                           logDirectory: work, name: "grab-\(png.deletingPathExtension().lastPathComponent)")
        XCTAssertEqual(grabbed.termination, .exited(0), grabbed.stderr)
    }
}
