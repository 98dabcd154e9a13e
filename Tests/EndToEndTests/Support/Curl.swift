import Foundation

/// A real HTTP client for the control API tests: curl, one request per call, with a deadline.
enum Curl {
    /// What came back.
    struct Answer {
        let status: Int
        /// Header names lower-cased.
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    /// `method` `url` with an optional body (sent as JSON) and extra headers ("Name: value").
    /// Status 0 means no answer (refused, timed out).
    static func request(_ method: String, _ url: String, body: String? = nil, headers: [String] = [],
                        timeout: Double = 15, work: URL) throws -> Answer {
        let id = UUID().uuidString.prefix(8)
        let bodyFile = work.appendingPathComponent("curl-\(id).body"), headFile = work.appendingPathComponent("curl-\(id).head")
        defer {
            try? FileManager.default.removeItem(at: bodyFile)
            try? FileManager.default.removeItem(at: headFile)
        }
        var arguments = ["-s", "-X", method, "-o", bodyFile.path, "-D", headFile.path, "-w", "%{http_code}",
                         "--max-time", String(timeout)]
        for header in headers { arguments += ["-H", header] }
        if let body {
            let send = work.appendingPathComponent("curl-\(id).send")
            try Data(body.utf8).write(to: send)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@" + send.path]
        }
        arguments.append(url)
        let run = try ChildProcess.run("curl", arguments, logDirectory: work, timeout: timeout + 5, name: "curl")
        let status = Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        var fields: [String: String] = [:]
        let head = (try? String(contentsOf: headFile, encoding: .utf8)) ?? ""
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: (try? Data(contentsOf: bodyFile)) ?? Data())
    }
}
