/// A record of an import file that was skipped: where, and why. A record the format leaves out on
/// purpose (``isIgnored``) is not a problem, only counted.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the file where the record starts (1-based), or 0 when the format has no
    /// lines to speak of (the reason then names the record).
    public var line: Int
    /// What is wrong with it.
    public var reason: String
    /// The file the record is in, when the import reads several: its path inside the zip archive
    /// or folder (such as `part_000001.csv`); `nil` for an import of one file.
    public var file: String?
    /// Whether the record was left out on purpose, by the format's rules, rather than for being
    /// wrong: an item the export holds that is not an article of the user's (one deleted in
    /// Omnivore, an item Readwise Reader fetched from a feed). It is counted in
    /// ``ImportSummary/ignored``, not among the skipped records, and a strict import accepts it.
    public var isIgnored: Bool

    /// Creates a problem.
    public init(line: Int, reason: String, file: String? = nil) {
        self.line = line
        self.reason = reason
        self.file = file
        isIgnored = false
    }

    /// A record left out on purpose (see ``isIgnored``), where and why.
    public static func ignored(line: Int, reason: String, file: String? = nil) -> ImportProblem {
        var record = ImportProblem(line: line, reason: reason, file: file)
        record.isIgnored = true
        return record
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
        var located = self
        located.file = self.file ?? file
        return located
    }
}
