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
    ],
    targets: [
        // FFmpeg's C libraries (Debian libav*-dev), seen only from ShopcastCore/Media.
        .systemLibrary(name: "CFFmpeg", pkgConfig: "libavformat"),
        .target(name: "ShopcastCore", dependencies: ["CFFmpeg", .product(name: "Yams", package: "Yams")]),
        .target(name: "ShopcastCLI", dependencies: ["ShopcastCore"]),
        .executableTarget(name: "shopcast", dependencies: ["ShopcastCLI"]),
        .testTarget(name: "ShopcastCoreTests", dependencies: ["ShopcastCore"]),
        .testTarget(name: "ShopcastCLITests", dependencies: ["ShopcastCLI", "ShopcastCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ShopcastCore"]),
    ]
)
