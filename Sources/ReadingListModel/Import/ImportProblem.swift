/// A record of an import file that was skipped: where, and why.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the file where the record starts (1-based), or 0 when the format has no
    /// lines to speak of (the reason then names the record).
    public var line: Int
    /// What is wrong with it.
    public var reason: String

    /// Creates a problem.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "line \(line): \(reason)" : reason }
}
