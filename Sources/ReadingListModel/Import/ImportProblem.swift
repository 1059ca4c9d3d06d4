/// A record of an import file that was skipped: where, and why.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the file where the record starts (1-based), or 0 when the format has no
    /// lines to speak of (the reason then names the record).
    public var line: Int
    /// What is wrong with it.
    public var reason: String
    /// The file the record is in, when the import reads several: its path inside the zip archive
    /// or folder (such as `part_000001.csv`); `nil` for an import of one file.
    public var file: String?

    /// Creates a problem.
    public init(line: Int, reason: String, file: String? = nil) {
        self.line = line
        self.reason = reason
        self.file = file
    }

    /// Where the record is: `line 7`, `part_000001.csv line 7`, `highlights/a.md`, or `nil` when
    /// neither a file nor a line is known.
    public var location: String? {
        switch (file, line > 0) {
        case (let file?, true): "\(file) line \(line)"
        case (let file?, false): file
        case (nil, true): "line \(line)"
        case (nil, false): nil
        }
    }

    public var description: String { location.map { "\($0): \(reason)" } ?? reason }

    /// The same problem, in `file` (unless it already names one).
    public func located(in file: String) -> ImportProblem {
        ImportProblem(line: line, reason: reason, file: self.file ?? file)
    }
}
