import CQRencode
import Foundation

/// The module matrix of a QR code (error correction level M, whole text in 8-bit byte mode so
/// URLs keep their case and punctuation). Pure data: libqrencode's result is copied and freed.
struct QRCode: Equatable {
    /// Modules per side, without the quiet zone.
    let size: Int
    private let dark: [Bool]

    init(encoding text: String) throws {
        guard !text.isEmpty else { throw ShopcastError(.badData, "cannot make a QR code of an empty text") }
        errno = 0
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            let reason = errno == ERANGE ? "too long for a QR code" : "cannot be encoded as a QR code"
            throw ShopcastError(.badData, "\"\(text.prefix(60))\" \(reason)")
        }
        defer { QRcode_free(code) }
        let n = Int(code.pointee.width)
        size = n
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits are encoder notes.
        dark = (0..<(n * n)).map { code.pointee.data[$0] & 1 == 1 }
    }

    func isDark(row: Int, column: Int) -> Bool { dark[row * size + column] }
}
