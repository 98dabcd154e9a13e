// Renders the overlay previews used to judge the look, and times the per-frame blend.
//   swift run -c release OverlayBench            blend and render timings
//   swift run OverlayBench previews DIR          preview PNGs of sample cards in three sizes
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

let args = CommandLine.arguments.dropFirst()
if args.first == "previews" {
    try previews(into: args.dropFirst().first ?? "previews")
}
