import Testing

/// Reading `readlist import --json` results and other JSON output in the import suites.
protocol ImportResultReading {}

extension ImportResultReading {
    /// The summary of an import that must have succeeded.
    func summary(_ result: ProcessResult) throws -> [String: Any] {
        #expect(result.status == 0, "\(result)")
        return try #require(result.json() as? [String: Any])
    }

    /// A JSON object printed by a command.
    func object(_ result: ProcessResult) throws -> [String: Any] {
        try #require(result.json() as? [String: Any])
    }

    /// The lines of the skipped records.
    func skippedLines(_ summary: [String: Any]) -> [Int] {
        (summary["skipped"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
    }
}
