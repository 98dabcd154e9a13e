import Foundation
import XCTest
@testable import ShopcastControl
@testable import ShopcastCore

/// The control API's pure parts: request bodies, tokens, metrics text, the OpenAPI document
/// against the route table.
final class ControlRequestTests: XCTestCase {
    private func fields(_ json: String, _ allowed: [String]) throws -> CommandRequest {
        try CommandRequest(Data(json.utf8), allowed: allowed)
    }

    private func field(of error: Error) -> String? { (error as? APIError)?.field }

    func testBodiesAreCheckedFieldByField() throws {
        let overrides = try fields(#"{"for": 90, "discount": 20, "code": "SILK", "quantity": 0}"#, CommandRequest.overrideFields).overrides
        XCTAssertEqual(overrides, OfferOverrides(length: 90, discount: 20, code: "SILK", quantity: 0))
        XCTAssertEqual(try fields("", CommandRequest.overrideFields).overrides, .none, "an empty body is an empty object")
        XCTAssertEqual(try fields(#"{"price": "29.90"}"#, CommandRequest.overrideFields).overrides.price, Decimal(string: "29.90"))
        XCTAssertEqual(try fields(#"{"price": 29.9}"#, CommandRequest.overrideFields).overrides.price, Decimal(string: "29.9"))

        for (body, field) in [
            (#"{"for": null}"#, "for"), (#"{"for": "2m"}"#, "for"), (#"{"for": 0}"#, "for"), (#"{"for": true}"#, "for"),
            (#"{"discount": 100}"#, "discount"), (#"{"discount": "20%"}"#, "discount"),
            (#"{"price": " 29.90"}"#, "price"), (#"{"price": "1.12345"}"#, "price"), (#"{"price": 0}"#, "price"),
            (#"{"code": ""}"#, "code"), (#"{"code": "a\nb"}"#, "code"), (#"{"quantity": 1.5}"#, "quantity"),
            (#"{"quantity": -1}"#, "quantity"), (#"{"dicount": 10}"#, "dicount"), ("[1]", "body"), ("{nope", "body"),
        ] {
            XCTAssertThrowsError(try fields(body, CommandRequest.overrideFields).overrides, body) { error in
                XCTAssertEqual(self.field(of: error), field, body)
                XCTAssertEqual((error as? APIError)?.status, .badRequest, body)
            }
        }
        XCTAssertThrowsError(try fields(#"{"dicount": 10}"#, CommandRequest.overrideFields)) { error in
            XCTAssertTrue((error as? APIError)?.message.contains("did you mean 'discount'?") ?? false)
        }
        // 40 characters are counted as Unicode code points, as JSON Schema counts them.
        let combining = String(repeating: "e\u{301}", count: 21)
        XCTAssertThrowsError(try fields(#"{"code": "\#(combining)"}"#, CommandRequest.overrideFields).overrides)
        XCTAssertEqual(try fields(#"{"text": "Hello ✨"}"#, ["text"]).text("text"), "Hello ✨")
        XCTAssertThrowsError(try fields(#"{"text": "line\u2028break"}"#, ["text"]).text("text"))
    }

    func testTheTokenIsComparedWhole() {
        let token = "k7Vq2mZr9sT4wXb8nLp3"
        XCTAssertTrue(BearerToken.matches("Bearer \(token)", token: token))
        XCTAssertTrue(BearerToken.matches("bearer \(token)", token: token), "the scheme is case-insensitive")
        XCTAssertFalse(BearerToken.matches("Bearer \(token)x", token: token))
        XCTAssertFalse(BearerToken.matches("Bearer \(token.dropLast())", token: token))
        XCTAssertFalse(BearerToken.matches("Basic \(token)", token: token))
        XCTAssertFalse(BearerToken.matches(nil, token: token))
        XCTAssertFalse(BearerToken.matches("Bearer ", token: ""), "an empty token never matches")
    }

    func testMetricsLabelsAreEscaped() {
        XCTAssertEqual(MetricsDocument.escape(#"rtmp://a/"b"\c"# + "\n"), #"rtmp://a/\"b\"\\c\n"#)
        XCTAssertEqual(MetricsDocument.number(3), "3")
        XCTAssertEqual(MetricsDocument.number(0.25), "0.25")
        XCTAssertEqual(MetricsDocument.number(29.97), "29.97")
        XCTAssertEqual(MetricsDocument.number(0.00001), "1e-05")
        XCTAssertEqual(MetricsDocument.escape("rtmp://127.0.0.1/live/{key}"), "rtmp://127.0.0.1/live/{key}")
        XCTAssertEqual(MetricsDocument.number(.nan), "NaN")
    }

    func testRefusalsBecomeTheDocumentedStatuses() {
        XCTAssertEqual(APIError(CommandRefusal(.unknown(known: ["a"]), "no")).status, .notFound)
        XCTAssertEqual(APIError(CommandRefusal(.unknown(known: ["a"]), "no")).known, ["a"])
        XCTAssertEqual(APIError(CommandRefusal(.conflict, "no")).status, .conflict)
        XCTAssertEqual(APIError(CommandRefusal(.invalid(field: "price"), "no")).field, "price")
        XCTAssertTrue(APIError(CommandRefusal(.unavailable, "no")).headers.contains { $0 == ("Retry-After", "1") })
    }

    func testTheOpenAPIDocumentDescribesEveryRoute() throws {
        let manifest = Manifest.empty(folder: URL(fileURLWithPath: "/tmp"))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json(for: manifest).utf8)) as? [String: Any])
        let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path.replacingOccurrences(of: "{id}", with: "{id}"))") }
        }
        let served = Set(ControlAPI.routes.map { "\($0.method.rawValue) \($0.template)" })
        XCTAssertEqual(documented, served, "the document and the route table list the same operations")
        XCTAssertFalse(OpenAPIDocument.json(for: manifest).contains("__OFFER__"), "no example without an offer")
    }
}
