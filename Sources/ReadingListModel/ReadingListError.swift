/// An error a user can see: what went wrong, with which input, and how to fix it.
public struct ReadingListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is, for programs that react to it.
    public enum Code: String, Sendable, Hashable {
        /// An argument is malformed (URL, colour, percentage, empty title…).
        case invalidInput
        /// No article, tag or highlight matches the reference given.
        case notFound
        /// A reference matches more than one article or highlight.
        case ambiguous
        /// A highlight's quote does not occur in the article's text.
        case quoteNotFound
        /// The library file cannot be opened or written.
        case libraryUnavailable
        /// The file is not a readlist library.
        case notALibrary
        /// The library was written by a newer readlist.
        case newerSchema
        /// Any other storage failure.
        case storage
        /// A peer's changes are stamped too far ahead of this replica's clock.
        case clockSkew
        /// A peer asked for this replica's feed past its end: the library was replaced by an
        /// older copy of itself, and has taken a new replica id; sync again.
        case cursorInvalid
    }

    /// The kind of failure.
    public let code: Code
    /// One line naming the input and the fix.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
