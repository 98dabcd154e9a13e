import XCTest
@testable import ShopcastCore

final class DestinationResolverTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-dest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func resolver(_ env: [String: String] = [:]) -> (DestinationResolver, SecretMasker) {
        let masker = SecretMasker()
        return (DestinationResolver(environment: env, currentDirectory: folder, masker: masker), masker)
    }

    func testEnvironmentExpansionKeepsKeyOutOfDisplayAndRegistersIt() throws {
        let (r, masker) = resolver(["MY_KEY": "live_abc123secret"])
        let d = try r.resolve("rtmp://ingest.example:1935/app/${MY_KEY}")
        XCTAssertEqual(d.url, "rtmp://ingest.example:1935/app/live_abc123secret")
        XCTAssertEqual(d.display, "rtmp://ingest.example:1935/app/****")
        XCTAssertEqual(d.kind, .rtmp)
        XCTAssertEqual(masker.mask("error on /app/live_abc123secret now"), "error on /app/**** now")
    }

    func testUnsetVariableIsAConfigError() {
        let (r, _) = resolver()
        XCTAssertThrowsError(try r.resolve("rtmp://h/app/${NOPE}")) { error in
            let e = error as? ShopcastError
            XCTAssertEqual(e?.kind, .config)
            XCTAssertTrue(e?.message.contains("NOPE") ?? false)
        }
    }

    func testPlatformKeyFromEnvironment() throws {
        let (r, masker) = resolver(["SHOPCAST_TWITCH_KEY": "live_987654_twitchkey"])
        let d = try r.resolve("twitch")
        XCTAssertEqual(d.url, "rtmp://live.twitch.tv/app/live_987654_twitchkey")
        XCTAssertEqual(d.display, "rtmp://live.twitch.tv/app/****")
        XCTAssertFalse(masker.mask(d.url).contains("987654"))
        let yt = try resolver(["SHOPCAST_YOUTUBE_KEY": "abcd-efgh-ijkl"]).0.resolve("youtube")
        XCTAssertEqual(yt.kind, .rtmps)
        XCTAssertTrue(yt.url.hasPrefix("rtmps://a.rtmps.youtube.com:443/live2/"))
    }

    func testPlatformKeyFileMustBePrivate() throws {
        let config = folder.appendingPathComponent("config")
        let keys = config.appendingPathComponent("shopcast/keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let file = keys.appendingPathComponent("facebook")
        try "FB-1234-SECRET\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o644)
        let (r, _) = resolver(["XDG_CONFIG_HOME": config.path])
        XCTAssertThrowsError(try r.resolve("facebook")) { error in
            XCTAssertEqual((error as? ShopcastError)?.kind, .config)
            XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
        }
        chmod(file.path, 0o600)
        let d = try r.resolve("facebook")
        XCTAssertEqual(d.url, "rtmps://rtmp-api.facebook.com:443/rtmp/FB-1234-SECRET")
    }

    func testMissingPlatformKeyNamesBothSources() {
        let (r, _) = resolver(["XDG_CONFIG_HOME": "/nonexistent"])
        XCTAssertThrowsError(try r.resolve("youtube")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("SHOPCAST_YOUTUBE_KEY") && text.contains("/nonexistent/shopcast/keys/youtube"), text)
        }
    }

    func testRecordingsByExtension() throws {
        let (r, _) = resolver()
        XCTAssertEqual(try r.resolve("show.mkv").kind, .recording(muxer: "matroska"))
        XCTAssertEqual(try r.resolve("show.mp4").kind, .recording(muxer: "mp4"))
        XCTAssertEqual(try r.resolve("show.flv").kind, .recording(muxer: "flv"))
        XCTAssertEqual(try r.resolve("show.ts").kind, .recording(muxer: "mpegts"))
        XCTAssertEqual(try r.resolve("show.mkv").url, folder.appendingPathComponent("show.mkv").standardizedFileURL.path)
        XCTAssertThrowsError(try r.resolve("show.avi"))
        XCTAssertThrowsError(try r.resolve("missing-folder/show.mkv"))
        XCTAssertThrowsError(try r.resolve("youtub")) { XCTAssertTrue("\($0)".contains("did you mean 'youtube'"), "\($0)") }
        XCTAssertThrowsError(try r.resolve("http://example.com/x"))
    }

    func testCommonSlipsAreNamed() throws {
        let (r, _) = resolver()
        XCTAssertThrowsError(try r.resolve("rtmp:/a.rtmp.youtube.com/live2/abcd-efgh-ijkl")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("takes two slashes after 'rtmp:'"), text)
            XCTAssertFalse(text.contains("abcd-efgh-ijkl"), "the key shows: \(text)")
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shows"), withIntermediateDirectories: true)
        for path in ["shows", "shows/", folder.appendingPathComponent("shows").path] {
            XCTAssertThrowsError(try r.resolve(path)) { error in
                XCTAssertTrue("\(error)".contains("is a folder: name the file, e.g. "), "\(error)")
                XCTAssertTrue("\(error)".contains("shows/show.mkv"), "\(error)")
            }
        }
    }

    func testNeverOverwritesARecording() throws {
        FileManager.default.createFile(atPath: folder.appendingPathComponent("old.mkv").path, contents: Data([1]))
        XCTAssertThrowsError(try resolver().0.resolve("old.mkv")) { XCTAssertEqual(($0 as? ShopcastError)?.kind, .io) }
    }

    func testDefaultRecordingName() throws {
        var components = DateComponents()
        components.year = 2026; components.month = 11; components.day = 27; components.hour = 20; components.minute = 5; components.second = 9
        let date = Calendar.current.date(from: components)!
        let d = try resolver().0.defaultRecording(at: date)
        XCTAssertTrue(d.url.hasSuffix("/shopcast-20261127-200509.mkv"), d.url)
    }

    func testMaskedURLs() {
        XCTAssertEqual(DestinationResolver.maskedURL("rtmp://h:1935/live2/abc-def"), "rtmp://h:1935/live2/****")
        XCTAssertEqual(DestinationResolver.maskedURL("rtmp://h/app"), "rtmp://h/app")
        XCTAssertEqual(DestinationResolver.maskedURL("srt://h:9000?streamid=secret1&passphrase=pw123456789"),
                       "srt://h:9000?streamid=****&passphrase=****")
        XCTAssertEqual(DestinationResolver.maskedURL("rtmp://user:pass123@h/app/key"), "rtmp://user:****@h/app/****")
        XCTAssertEqual(Set(DestinationResolver.secrets(in: "srt://h:9000?streamid=s1x&passphrase=p2yz")), ["s1x", "p2yz"])
    }

    func testHostAsWrittenAndURLsWithoutOne() throws {
        XCTAssertEqual(DestinationResolver.host(of: "rtmp://a.example:1935/live/key"), "a.example")
        XCTAssertEqual(DestinationResolver.host(of: "rtmps://user:p@ss@ingest.example/app/key"), "ingest.example")
        XCTAssertEqual(DestinationResolver.host(of: "srt://[::1]:9000?streamid=x"), "[::1]")
        XCTAssertEqual(DestinationResolver.host(of: "srt://127.0.0.1?streamid=#!::r=live"), "127.0.0.1")
        XCTAssertEqual(DestinationResolver.host(of: "rtmp:///live/key"), "")
        XCTAssertNil(DestinationResolver.host(of: "srt://[::1:9000"))
        XCTAssertNil(DestinationResolver.host(of: "show.mkv"))
        let (r, _) = resolver()
        XCTAssertEqual(try r.resolve("rtmp://xn--caf-dma.example/live/streamkey1").url, "rtmp://xn--caf-dma.example/live/streamkey1")
        XCTAssertThrowsError(try r.resolve("rtmp:///live/streamkey1")) { error in
            XCTAssertTrue("\(error)".contains("not a valid URL"), "\(error)")
        }
    }
}

