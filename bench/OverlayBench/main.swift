// Renders the overlay previews used to judge the look, and times the per-frame blend.
//   swift run -c release OverlayBench            blend and render timings
//   swift run OverlayBench previews DIR          preview PNGs of sample cards in three sizes
//   swift run -c release OverlayBench chat [SECONDS]  the chat column's cost under a flood
//   swift run -c release OverlayBench ingest [SECONDS]  what a flood's messages cost before drawing
import Foundation
import ShopcastCore

/// A stand-in product photo: a silk-like diagonal sheen in warm colours.
func samplePhoto(width: Int = 320, height: Int = 320) -> RGBAImage {
    var px = [UInt8](repeating: 255, count: width * height * 4)
    for y in 0..<height {
        for x in 0..<width {
            let t = Double(x + y) / Double(width + height)
            let wave = 0.5 + 0.5 * sin(Double(x - y) / 18.0 + 6 * t)
            let r = 0.62 + 0.30 * wave, g = 0.22 + 0.25 * wave * t, b = 0.28 + 0.18 * (1 - t)
            let i = (y * width + x) * 4
            px[i] = UInt8(min(255, r * 255)); px[i + 1] = UInt8(min(255, g * 255)); px[i + 2] = UInt8(min(255, b * 255))
        }
    }
    return RGBAImage(width: width, height: height, pixels: px)!
}

func sampleCards() -> [(String, CardContent)] {
    let photo = samplePhoto()
    let base = CardContent(
        productName: "Sciarpa di seta", description: "Seta di Como, stampata a mano", listPrice: "39,90 €", salePrice: "31,92 €",
        badge: "-20%", countdown: "ends in 02:41", stock: "50 left", code: "SILK20", url: "https://shop.example/scarf", image: photo
    )
    var long = base
    long.productName = "Sciarpa di seta stampata a mano con motivo floreale e bordo arrotolato, edizione limitata autunno inverno"
    var ro = base
    ro.productName = "Eșarfă din mătase naturală, țesută în Brașov"
    ro.description = "Ediție limitată — împachetare cadou inclusă"
    ro.listPrice = "199,00 lei"
    ro.salePrice = "159,20 lei"
    var zh = base
    zh.productName = "真丝围巾 限量版"
    zh.description = "杭州桑蚕丝 手工卷边"
    zh.listPrice = "¥299"
    zh.salePrice = "¥239"
    zh.countdown = "剩余 02:41"
    zh.stock = "仅剩 50 件"
    var ar = base
    ar.productName = "وشاح من الحرير"
    ar.description = "حرير طبيعي مطبوع يدويًا"
    var plain = base
    plain.image = nil
    plain.url = nil
    return [("it", base), ("long", long), ("ro", ro), ("zh", zh), ("ar", ar), ("plain", plain)]
}

func previews(into dir: String) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (w, h) in [(1280, 720), (1920, 1080), (720, 1280)] {
        for (name, card) in sampleCards() {
            let path = "\(dir)/card-\(name)-\(w)x\(h).png"
            try OverlayPreview.write(OverlayScene(card: card), width: w, height: h, to: path)
            print(path)
        }
        var top = OverlayTheme.standard
        top.position = .topRight
        top.accent = RGBAColor(hex: "#1F6FEB")!
        let scene = OverlayScene(card: sampleCards()[0].1, banner: BannerContent(text: "Free shipping on every order tonight · Next: cashmere gloves at 21:30"))
        try OverlayPreview.write(scene, width: w, height: h, theme: top, to: "\(dir)/banner-\(w)x\(h).png")
        try OverlayPreview.write(OverlayScene(slate: SlateContent(title: "Starting soon", countdown: "04:59", subtitle: "Silk & Cashmere Live — autumn collection")),
                                 width: w, height: h, to: "\(dir)/slate-\(w)x\(h).png")
    }
}

func nanoseconds(_ body: () throws -> Void) rethrows -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return DispatchTime.now().uptimeNanoseconds - start
}

/// Times the per-frame blend of a typical card and the cost of one re-render (a countdown tick).
func bench(width: Int, height: Int, frames: Int = 3000, renders: Int = 60) throws {
    let card = sampleCards()[0].1
    let compositor = try OverlayCompositor(frameWidth: width, frameHeight: height)
    try compositor.update(OverlayScene(card: card))
    let cw = width / 2, ch = height / 2
    var y = [UInt8](repeating: 120, count: width * height)
    var u = [UInt8](repeating: 128, count: cw * ch), v = u
    var sink = 0
    let blendNs = y.withUnsafeMutableBufferPointer { yp in
        u.withUnsafeMutableBufferPointer { up in
            v.withUnsafeMutableBufferPointer { vp in
                let planes = YUVPlanes(width: width, height: height, y: yp.baseAddress!, yStride: width,
                                       u: up.baseAddress!, uStride: cw, v: vp.baseAddress!, vStride: cw)
                for _ in 0..<50 { compositor.blend(into: planes) }
                let ns = nanoseconds { for _ in 0..<frames { compositor.blend(into: planes) } }
                sink &+= Int(yp[width * (height - 100) + 200])
                return ns
            }
        }
    }
    var tick = 0
    let renderNs = try nanoseconds {
        for _ in 0..<renders {
            tick += 1
            var c = card
            c.countdown = String(format: "ends in %02d:%02d", (161 - tick) / 60, (161 - tick) % 60)
            try compositor.update(OverlayScene(card: c))
        }
    }
    let renderer = try OverlayRenderer(frameWidth: width, frameHeight: height)
    var layer = try renderer.render(card)
    let layerNs = try nanoseconds { for _ in 0..<renders { layer = try renderer.render(card) } }
    let prepNs = nanoseconds {
        for _ in 0..<renders { _ = YUVOverlay(layer, frameWidth: width, frameHeight: height, matrix: .bt709) }
    }
    print(String(format: "%dx%d: card layer %@, paint %.2f ms + YUV conversion %.2f ms", width, height, layer.box.description,
                 Double(layerNs) / Double(renders) / 1e6, Double(prepNs) / Double(renders) / 1e6))
    print(String(format: "%dx%d: blend %.1f µs/frame (%.2f%% of a 30 fps frame budget), re-render %.2f ms/change  [%d]",
                 width, height, Double(blendNs) / Double(frames) / 1000, Double(blendNs) / Double(frames) / 33_333_333 * 100,
                 Double(renderNs) / Double(renders) / 1e6, sink & 1))
}

/// The chat column's own cost under a flood, per second of show: what the compositor does for
/// it on every frame (updating to the frame's scene — drawing what is new — and blending) over
/// `seconds` of a 30 fps show where, as bench/chat.py's flood airs, two new entries a second
/// come in (a tip in ten, a repeat in five counting up on its entry), each up to 8 s, at most
/// four at once. CPU time of this thread (CLOCK_THREAD_CPUTIME_ID), best of three passes.
func chatBench(width: Int, height: Int, seconds: Int) throws {
    let words = "ciao bella sciarpa colore taglia blu rosso prezzo quanto costa spedizione grazie wow top seta morbida regalo"
        .split(separator: " ").map(String.init)
    // A fixed sequence (no randomness between passes or builds): entry i arrives at i / 2 s.
    var arrivals: [ChatContent.Entry] = []
    for i in 0..<(seconds * 2) {
        let n = (i * 7919) % 97
        let text = (0..<(2 + n % 10)).map { words[($0 * 31 + n) % words.count] }.joined(separator: " ")
        arrivals.append(ChatContent.Entry(id: "m\(i)", author: "viewer\(n * 53 % 5000)", text: text,
                                          kind: i % 10 == 9 ? .tip : .comment, amount: i % 10 == 9 ? "5,00 €" : nil))
    }
    func content(at frame: Int) -> ChatContent? {
        let t = Double(frame) / 30
        let arrived = min(arrivals.count, Int(t * 2) + 1)
        var shown = Array(arrivals[max(0, arrived - 4)..<arrived].filter { t < Double(Int($0.id.dropFirst())!) / 2 + 8 })
        // One in five of the newest repeats and counts up while it is up.
        if var last = shown.popLast() {
            let age = t - Double(Int(last.id.dropFirst())!) / 2
            if Int(last.id.dropFirst())! % 5 == 4 { last.count = 1 + Int(age * 4) }
            shown.append(last)
        }
        return shown.isEmpty ? nil : ChatContent(entries: shown, side: .right)
    }
    func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let cw = width / 2, ch = height / 2
    var y = [UInt8](repeating: 120, count: width * height)
    var u = [UInt8](repeating: 128, count: cw * ch), v = u
    var best = Double.infinity, renders = 0
    for _ in 0..<3 {
        let compositor = try OverlayCompositor(frameWidth: width, frameHeight: height)
        let spent: Double = try y.withUnsafeMutableBufferPointer { yp in
            try u.withUnsafeMutableBufferPointer { up in
                try v.withUnsafeMutableBufferPointer { vp in
                    let planes = YUVPlanes(width: width, height: height, y: yp.baseAddress!, yStride: width,
                                           u: up.baseAddress!, uStride: cw, v: vp.baseAddress!, vStride: cw)
                    let start = threadCPU()
                    for frame in 0..<(seconds * 30) {
                        try compositor.update(OverlayScene(chat: content(at: frame)))
                        compositor.blend(into: planes)
                    }
                    return threadCPU() - start
                }
            }
        }
        best = min(best, spent)
        renders = compositor.renderCount
    }
    print(String(format: "%dx%d chat flood: %.2f ms of CPU per second of show (%.2f%% of a core), %d renders in %d s",
                 width, height, best / Double(seconds) * 1000, best / Double(seconds) * 100, renders, seconds))
}

/// What a flood costs before anything is drawn: bench/chat.py's 100 JSON lines a second (the
/// same mix: a tip in ten, a repeat in five, now and then a link or a 300-letter word) read,
/// parsed, filtered, handed to a running show, applied by its director between frames at 30
/// fps, logged (`--chat-log`) and published as events (`--events`). The process's CPU time
/// (every thread: the bus and the files write on their own), over `seconds` of simulated show
/// run as fast as it goes, minus the same frames without chat; best of three.
func ingestBench(seconds: Int) throws {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("shopcast-ingest-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let manifestPath = folder.appendingPathComponent("show.yaml").path
    try """
    show: {title: Flood, currency: EUR, locale: it-IT}
    products: {scarf: {name: Sciarpa di seta, price: 39.90, url: "https://shop.example/it/sciarpa"}}
    offers: [{product: scarf, at: 0s, for: 1h, discount: 20%, code: SETA20, quantity: 500}]
    chat: {blocklist: [spam]}
    """.write(toFile: manifestPath, atomically: true, encoding: .utf8)
    guard let manifest = try ManifestLoader().load(path: manifestPath, relativeTo: folder).manifest else {
        fatalError("the bench's manifest does not load")
    }
    let words = "ciao bella sciarpa colore taglia blu rosso prezzo quanto costa spedizione grazie wow top seta morbida regalo"
        .split(separator: " ").map(String.init)
    var lines: [Data] = []
    var seed: UInt64 = 1
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }
    for n in 1...(seconds * 100) {
        var text = (0..<(2 + next(11))).map { _ in words[next(words.count)] }.joined(separator: " ")
        if n % 5 == 0 { text = "quanto costa?" }
        if n % 37 == 0 { text += " visita shop.example/x" }
        if n % 53 == 0 { text = String(repeating: "a", count: 300) }
        var line: [String: String] = ["id": "m\(n)", "author": "viewer\(1 + next(5000))", "text": text]
        if n % 10 == 0 { line["amount"] = String([1, 2, 5, 10][next(4)]); line["currency"] = "EUR" }
        lines.append(try JSONSerialization.data(withJSONObject: line))
    }
    func processCPU() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    final class Clock: @unchecked Sendable { var now = 0.0 }
    func pass(chat: Bool) throws -> Double {
        let bus = EventBus(encoder: EventEncoder(manifest: manifest))
        let events = try EventFile(path: folder.appendingPathComponent("events.jsonl").path, currentDirectory: folder)
        bus.add(events)
        let log = try EventFile(path: folder.appendingPathComponent("chat.jsonl").path, currentDirectory: folder)
        let show = LiveShow(manifest: manifest, bus: bus)
        show.chatLog = { log.append($0) }
        let clock = Clock()
        show.streamStarted(at: Date(), clock: { clock.now })
        let filter = manifest.chat.filter()
        let start = processCPU()
        var sent = 0
        for frame in 0..<(seconds * 30) {
            clock.now = Double(frame) / 30
            if chat {
                while sent < lines.count, Double(sent) / 100 <= clock.now {
                    sent += 1
                    guard case .success(let event) = ChatLine.parse(lines[sent - 1], source: "bench", number: sent) else { continue }
                    if case .message(let message) = event {
                        if let clean = filter.clean(message) { show.receive(.message(clean)) }
                    } else {
                        show.receive(event)
                    }
                }
            }
            _ = show.frame(at: clock.now)
        }
        show.finish(at: Double(seconds))
        bus.flush()
        log.flush(timeout: 10)
        let spent = processCPU() - start
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("events.jsonl"))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("chat.jsonl"))
        return spent
    }
    var none = Double.infinity, flood = Double.infinity
    for _ in 0..<3 {
        none = min(none, try pass(chat: false))
        flood = min(flood, try pass(chat: true))
    }
    let extra = flood - none
    print(String(format: "chat ingest, %d messages over %d s of show: %.1f µs of CPU a message, %.2f ms per second of show " +
                 "(frames alone %.2f ms per second)", lines.count, seconds, extra / Double(lines.count) * 1e6,
                 extra / Double(seconds) * 1000, none / Double(seconds) * 1000))
}

let args = CommandLine.arguments.dropFirst()
if args.first == "previews" {
    try previews(into: args.dropFirst().first ?? "previews")
} else if args.first == "decoded", args.count == 4 {
    // decoded BACKGROUND PRODUCT OUT.png: the Italian card with a decoded picture over a decoded frame.
    let a = Array(args)
    let background = try ImageDecoder.decode(path: a[1], fit: .exactly(width: 1280, height: 720))
    var card = sampleCards()[0].1
    card.image = try ImageDecoder.decode(path: a[2], fit: .within(width: 400, height: 400))
    try OverlayPreview.write(OverlayScene(card: card), width: 1280, height: 720, background: background, to: a[3])
} else if args.first == "ingest" {
    try ingestBench(seconds: args.dropFirst().first.flatMap { Int($0) } ?? 60)
} else if args.first == "chat" {
    let seconds = args.dropFirst().first.flatMap { Int($0) } ?? 60
    for (w, h) in [(1280, 720), (720, 1280)] { try chatBench(width: w, height: h, seconds: seconds) }
} else {
    for (w, h) in [(1280, 720), (1920, 1080), (720, 1280)] { try bench(width: w, height: h) }
}
