// swift-tools-version:5.10
// Swift 5 language mode on the Swift 6 toolchain: the media pipeline shares C pointers between
// threads it owns, which strict Sendable checking cannot express.
import PackageDescription

let package = Package(
    name: "shopcast",
    products: [
        .executable(name: "shopcast", targets: ["shopcast"]),
        .library(name: "ShopcastCore", targets: ["ShopcastCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The control API's HTTP/1.1 and WebSocket server.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // FFmpeg's C libraries (Debian libav*-dev), seen only from ShopcastCore/Media.
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavformat"),
        // Cairo + Pango (Debian libcairo2-dev, libpango1.0-dev) and libqrencode (libqrencode-dev),
        // seen only from ShopcastCore/Graphics.
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo"),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode"),
        .target(
            name: "ShopcastCore",
            dependencies: ["CFFmpeg", "CCairo", "CQRencode", "CLinux", .product(name: "Yams", package: "Yams")]
        ),
        // A few Linux calls the Glibc module lacks (prctl, ioctl): ShopcastCLI for the process,
        // ShopcastCore/Media for a socket's send queue.
        .systemLibrary(name: "CLinux"),
        // The control API: HTTP + WebSocket -> show commands; seen only from ShopcastCLI.
        .target(
            name: "ShopcastControl",
            dependencies: [
                "ShopcastCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .target(name: "ShopcastCLI", dependencies: ["ShopcastCore", "ShopcastControl", "CLinux"]),
        .executableTarget(name: "shopcast", dependencies: ["ShopcastCLI"]),
        // Overlay look-and-cost harness: preview PNGs of sample cards, blend timings (run with -c release).
        .executableTarget(name: "OverlayBench", dependencies: ["ShopcastCore"], path: "bench/OverlayBench"),
        .testTarget(name: "ShopcastCoreTests", dependencies: ["ShopcastCore"]),
        .testTarget(name: "ShopcastCLITests", dependencies: ["ShopcastCLI", "ShopcastCore"]),
        .testTarget(name: "ShopcastControlTests", dependencies: ["ShopcastControl", "ShopcastCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ShopcastCore"]),
    ]
)
