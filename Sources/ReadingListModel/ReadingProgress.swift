/// How far into an article the reader got, in basis points (0 to 10,000 = 0 % to 100 %).
///
/// Stored and synced as an integer so that two replicas never disagree over rounding.
public struct ReadingProgress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Hundredths of a percent, 0...10_000.
    public let basisPoints: Int

    /// Nothing read yet.
    public static let none = ReadingProgress(clamping: 0)
    /// Read to the end.
    public static let complete = ReadingProgress(clamping: 10_000)

    /// Creates a progress value, clamping to 0...10_000.
    public init(clamping basisPoints: Int) { self.basisPoints = min(max(basisPoints, 0), 10_000) }

    /// Parses a percentage such as `42`, `42.5` or `42.5%`.
    ///
    /// - Throws: ``ReadingListError`` with code `invalidInput` when the text is not a number from 0 to 100.
    public init(parsingPercent text: String) throws(ReadingListError) {
        var trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix("%") { trimmed.removeLast() }
        let isDecimal = !trimmed.isEmpty && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard isDecimal, let value = Double(trimmed), value >= 0, value <= 100 else {
            throw ReadingListError(
                .invalidInput,
                "Progress \"\(text)\" is not a percentage from 0 to 100. Give a number such as 40 or 62.5.")
        }
        self.basisPoints = Int((value * 100).rounded())
    }

    /// The progress as a percentage, 0...100, with two decimals at most.
    public var percent: Double { Double(basisPoints) / 100 }

    /// `42%`, or `42.5%` when finer than a whole percent.
    public var description: String {
        basisPoints % 100 == 0 ? "\(basisPoints / 100)%" : "\(percent)%"
    }

    public static func < (lhs: ReadingProgress, rhs: ReadingProgress) -> Bool { lhs.basisPoints < rhs.basisPoints }
}
