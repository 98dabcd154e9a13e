import Foundation

/// What an image's header says: its format and size in pixels.
public struct ImageInfo: Equatable, Sendable {
    public enum Format: String, Sendable {
        case png, jpeg, webp
    }

    public let format: Format
    public let width: Int
    public let height: Int

    public init(format: Format, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }
}

/// Resolves and checks a product image: inside the manifest's folder, a regular file, and a
/// PNG, JPEG or WebP whose header is complete and whose size is bounded. The manifest's reader
/// then decodes it.
public enum ImageFile {
    /// Largest image accepted: product shots, not posters.
    public static let maxBytes = 20 << 20
    /// Most pixels accepted (a 50-megapixel camera's photo): a small file can declare a huge
    /// picture (a 275 KB PNG of 16000x16000 takes seconds and a gigabyte to decode).
    public static let maxPixels = 50_000_000

    /// The checked file, or a message saying what is wrong with `path`.
    public static func resolve(_ path: String, in folder: URL) -> Result<(URL, ImageInfo), ImageProblem> {
        if path.isEmpty { return .failure(.init("image path is empty")) }
        // Any `scheme:` (http:, file:, data:, C:) is refused before touching the file system.
        if let colon = path.firstIndex(of: ":"),
           path[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }),
           path.first?.isLetter == true {
            return .failure(.init("image '\(path)' is a URL; give a file path relative to the manifest's folder"))
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return .failure(.init("image '\(path)' is an absolute path; give a path relative to the manifest's folder"))
        }
        if path.split(separator: "/").contains("..") {
            return .failure(.init("image '\(path)' goes outside the manifest's folder ('..')"))
        }
        let folderReal = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let candidate = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: candidate.path) else {
            return .failure(.init("image '\(path)' not found in \(folder.path)"))
        }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        // stat before open: a FIFO or device would block or never end.
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(.init("image '\(path)' is not a regular file"))
        }
        guard real.hasPrefix(folderReal.hasSuffix("/") ? folderReal : folderReal + "/") else {
            return .failure(.init("image '\(path)' is a symbolic link to outside the manifest's folder"))
        }
        guard info.st_size <= maxBytes else {
            return .failure(.init("image '\(path)' is \(info.st_size) bytes; at most \(maxBytes) are accepted"))
        }
        guard let handle = FileHandle(forReadingAtPath: real) else {
            return .failure(.init("image '\(path)' cannot be read"))
        }
        defer { try? handle.close() }
        let data = handle.readDataToEndOfFile()
        guard let header = ImageHeader.read([UInt8](data)) else {
            return .failure(.init("image '\(path)' is not a complete PNG, JPEG or WebP file"))
        }
        guard header.width * header.height <= maxPixels else {
            return .failure(.init("image '\(path)' is \(header.width)x\(header.height) pixels; at most \(maxPixels / 1_000_000) megapixels are accepted (the card shows it at most \(Product.pictureBox) pixels wide): scale it down"))
        }
        return .success((URL(fileURLWithPath: real), header))
    }
}

/// Why an image was refused.
public struct ImageProblem: Error, Equatable, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Reads the format and dimensions from an image's first bytes.
enum ImageHeader {
    static func read(_ b: [UInt8]) -> ImageInfo? {
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(b) }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(b) }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return webp(b) }
        return nil
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    private static func le(_ b: [UInt8], _ i: Int, _ n: Int) -> Int {
        (0..<n).reduce(0) { $0 | Int(b[i + $1]) << (8 * $1) }
    }

    /// Signature, then an IHDR chunk (length 13) with its CRC, and a positive size.
    private static func png(_ b: [UInt8]) -> ImageInfo? {
        guard b.count >= 33, be32(b, 8) == 13, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        let w = be32(b, 16), h = be32(b, 20)
        guard w > 0, h > 0 else { return nil }
        return ImageInfo(format: .png, width: w, height: h)
    }

    /// Walks the marker segments up to the first start-of-frame, which holds the size.
    private static func jpeg(_ b: [UInt8]) -> ImageInfo? {
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { return nil }
            let isSOF = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isSOF {
                guard length >= 7 else { return nil }
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6]), w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? ImageInfo(format: .jpeg, width: w, height: h) : nil
            }
            if marker == 0xDA || marker == 0xD9 { return nil }
            i += 2 + length
        }
        return nil
    }

    /// RIFF size must cover the file's chunk; the first chunk (VP8, VP8L or VP8X) gives the size.
    private static func webp(_ b: [UInt8]) -> ImageInfo? {
        guard b.count >= 30, le(b, 4, 4) + 8 <= b.count + 1 else { return nil }
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            let w = le(b, 26, 2) & 0x3FFF, h = le(b, 28, 2) & 0x3FFF
            return w > 0 && h > 0 ? ImageInfo(format: .webp, width: w, height: h) : nil
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = le(b, 21, 4)
            return ImageInfo(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return ImageInfo(format: .webp, width: le(b, 24, 3) + 1, height: le(b, 27, 3) + 1)
        default:
            return nil
        }
    }
}
