import Foundation
import XCTest
@testable import ShopcastCore

/// Standard Webhooks signatures and the HMAC under them, against published answers.
final class WebhookSecretTests: XCTestCase {
    func testWebhookSignaturesMatchTheSpecificationsExample() throws {
        // The example of the Standard Webhooks specification.
        let secret = try WebhookSecret(text: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\r\n", source: "key")
        XCTAssertEqual(try secret.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8)),
                       "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        XCTAssertThrowsError(try WebhookSecret(text: "s3cret-webhook-key", source: "key")) { error in
            XCTAssertTrue("\(error)".contains("does not start with 'whsec_'"), "\(error)")
        }
        XCTAssertThrowsError(try WebhookSecret(text: "whsec_c2hvcnQ=", source: "key"), "too short a key")
        XCTAssertEqual("token\r\n".withoutTrailingLineBreaks, "token", "CRLF is one Character in Swift")
        XCTAssertEqual("a b\n\n".withoutTrailingLineBreaks, "a b")
    }
    func testHMACSHA256KnownAnswer() throws {
        // RFC 4231, test case 2.
        XCTAssertEqual(try HMACSHA256.hex(Data("what do ya want for nothing?".utf8), key: Data("Jefe".utf8)),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
