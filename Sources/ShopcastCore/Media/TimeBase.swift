/// A stream's time base as a plain fraction, so code above the wrappers can turn timestamps into
/// seconds without FFmpeg's types.
public struct TimeBase: Equatable, Sendable {
    public let numerator: Int64
    public let denominator: Int64

    public init(numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Seconds for a count of ticks. Multiplies before dividing, so a timestamp that falls on a
    /// whole or decimal second (tick 60 at 1/30) gives exactly the number a manifest writes (2.0),
    /// where multiplying by a rounded 1/30 could land a hair below it and show a card a frame late.
    public func seconds(_ ticks: Int64) -> Double {
        Double(ticks) * Double(numerator) / Double(denominator)
    }
}
