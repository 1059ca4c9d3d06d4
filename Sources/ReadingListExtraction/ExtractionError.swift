/// Why a file could not be turned into an article.
public struct ExtractionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line naming the input and what to do instead.
    public var description: String

    /// Creates an error with the given one-line description.
    public init(description: String) {
        self.description = description
    }

    static func empty(fileName: String) -> ExtractionError {
        ExtractionError(description: "\(quoted(fileName)) is empty. Save the article's page or text into the file and try again.")
    }

    static func binary(fileName: String, kind: String?) -> ExtractionError {
        let what = kind.map { "it looks like \($0)" } ?? "it looks like binary data"
        return ExtractionError(
            description: "\(quoted(fileName)) is not a web page or text file (\(what)). Save an .html or .txt file instead."
        )
    }

    static func noReadableText(fileName: String) -> ExtractionError {
        ExtractionError(
            description: "\(quoted(fileName)) contains no readable text. Save the page after it has fully loaded, or save the article as a .txt file."
        )
    }

    private static func quoted(_ fileName: String) -> String {
        fileName.isEmpty ? "The file" : "\"\(fileName)\""
    }
}
