import Foundation

/// The JSON-lines file written by `go-live --events FILE`, read while the show runs or after.
/// A line still being written (no newline yet) is left for the next read.
struct EventsFile {
    /// One event line.
    struct Event {
        let name: String
        let fields: [String: Any]
        /// The line as written, for failure messages.
        let line: String

        func string(_ key: String) -> String? { fields[key] as? String }
        func number(_ key: String) -> Double? { (fields[key] as? NSNumber)?.doubleValue }
        /// The masked destination the event is about, if any.
        var destination: String? { string("destination") }
    }

    let url: URL

    /// Complete lines that are not a JSON object with an "event" and a "time".
    var malformedLines: [String] { parse().malformed }

    /// Every complete event so far, in order.
    var events: [Event] { parse().events }

    /// Events of one kind, e.g. "destination.lost".
    func named(_ name: String) -> [Event] { events.filter { $0.name == name } }

    /// Events of one kind about destinations whose masked text contains `fragment`
    /// (a port number or a file name, which masking leaves alone).
    func named(_ name: String, about fragment: String) -> [Event] {
        named(name).filter { $0.destination?.contains(fragment) ?? false }
    }

    /// Event names in order, about one destination: "destination.connected", "destination.lost" ...
    func timeline(about fragment: String) -> [String] {
        events.filter { $0.destination?.contains(fragment) ?? false }.map(\.name)
    }

    /// The raw text, for failure messages.
    var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    private func parse() -> (events: [Event], malformed: [String]) {
        let text = self.text
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()  // after the last newline: empty, or a line still being written
        var events: [Event] = []
        var malformed: [String] = []
        for line in lines where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["event"] as? String, object["time"] is String else {
                malformed.append(line)
                continue
            }
            events.append(Event(name: name, fields: object, line: line))
        }
        return (events, malformed)
    }
}
