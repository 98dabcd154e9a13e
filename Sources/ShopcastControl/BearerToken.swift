/// `Authorization: Bearer TOKEN`, checked without leaking through timing how much of a guess
/// was right: every byte of the expected token is compared, whatever the guess.
enum BearerToken {
    static func matches(_ header: String?, token: String) -> Bool {
        let expected = Array(token.utf8)
        var given: [UInt8] = []
        if let header, header.count > 7, header.prefix(7).lowercased() == "bearer " {
            given = Array(header.dropFirst(7).utf8)
        }
        var difference: UInt8 = given.count == expected.count ? 0 : 1
        for i in 0..<expected.count {
            difference |= expected[i] ^ (i < given.count ? given[i] : 0)
        }
        return difference == 0 && !expected.isEmpty
    }
}
