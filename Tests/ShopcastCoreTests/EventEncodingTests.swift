import Foundation
import XCTest
@testable import ShopcastCore

final class EventEncodingTests: XCTestCase {
    func testEventJSONIsOneDialect() throws {
        let folder = try ManifestFolder()
        let manifest = try XCTUnwrap(try folder.load("""
        show:
          title: Autunno
          starts: 2026-11-27T20:00:00+01:00
          locale: it-IT
          currency: EUR
        products:
          scarf-silk:
            name: Sciarpa di seta
            price: 39.90
        offers:
          - product: scarf-silk
            at: 5m
            for: 3m
            discount: 20%
            code: SILK20
            quantity: 50
        """).manifest)
        let director = ShowDirector(manifest: manifest, start: 0)
        let start = try XCTUnwrap(director.advance(to: 300).first)
        let encoder = EventEncoder(manifest: manifest, origin: manifest.origin(streamStart: Date()))
        let record = EventRecord(sequence: 1, time: manifest.show.starts!.date.addingTimeInterval(300.25), streamTime: 290.5,
                                 offset: start.offset, event: start.event)
        XCTAssertEqual(encoder.line(record),
                       #"{"event":"offer.start","time":"2026-11-27T19:05:00.250Z","stream_time":290.5,"offset":300,"sequence":1,"show":"Autunno","#
                       + #""offer":"scarf-silk","product":"scarf-silk","name":"Sciarpa di seta","currency":"EUR","list_price":"39.90","#
                       + "\"list_price_text\":\"39,90\u{A0}€\",\"sale_price\":\"31.92\",\"sale_price_text\":\"31,92\u{A0}€\","
                       + #""discount":20,"code":"SILK20","stock":50,"url":null,"starts_at":"2026-11-27T19:05:00.000Z","#
                       + #""ends_at":"2026-11-27T19:08:00.000Z","cued":false,"late":false,"remaining":180}"#)
    }
}
