/// The colours a highlight can have.
public enum HighlightColor: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case yellow, green, blue, pink, purple

    /// Parses a colour name, ignoring case and surrounding whitespace.
    ///
    /// - Throws: ``ReadingListError`` with code `invalidInput` naming the colours that exist.
    public init(parsing text: String) throws(ReadingListError) {
        guard let color = HighlightColor(rawValue: text.trimmingWhitespace().lowercased()) else {
            let names = HighlightColor.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReadingListError(.invalidInput, "Unknown colour \"\(text)\". Use one of: \(names).")
        }
        self = color
    }

    public var description: String { rawValue }
}
