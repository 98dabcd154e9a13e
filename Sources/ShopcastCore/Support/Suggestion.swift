/// "Did you mean …?": the closest candidate by edit distance, if it is close enough to help.
public enum Suggestion {
    /// The candidate to suggest for a mistyped `word`, or nil when none is close. Case is
    /// ignored; ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 == 0 { return best.0 }
        // Also accept the one candidate that the word begins (`--vid` for `--video-bitrate`);
        // when several begin with it (`--v`: --verbose, --video-bitrate) none is singled out.
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        if word.count >= 3, prefixed.count == 1 { return prefixed[0] }
        // Dashes are not part of what was mistyped: `--v` is one letter, and two edits would
        // turn it into any short name (`--to`). Allow one edit per three letters, at least one.
        let letters = word.drop(while: { $0 == "-" }).count
        return best.1 <= max(1, letters / 3) ? best.0 : nil
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension Suggestion {
    static func near(_ a: String, _ b: String) -> Bool { distance(a.lowercased(), b) <= 2 }
}
