import Foundation

/// Locations of the files tests read from the source tree and the shared fixtures.
enum TestResources {
    /// The repository root: three levels above this file (Tests/ReadingListExtractionTests/TestResources.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let seedsDirectory = repositoryRoot.appendingPathComponent("seeds")

    /// Mozilla Readability's test pages, shared next to the repository and never copied into it.
    static let readabilityPagesDirectory = repositoryRoot
        .appendingPathComponent("../shared/fixtures/readability-pages")
        .standardizedFileURL

    /// The names of the page folders, sorted.
    static func readabilityPageNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: readabilityPagesDirectory.path)
            .filter { name in
                var isDirectory: ObjCBool = false
                let path = readabilityPagesDirectory.appendingPathComponent(name).path
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            .sorted()
    }

    /// The page's source, its expected article HTML, and the title Readability expects.
    struct ReadabilityPage {
        var name: String
        var source: Data
        var expectedHTML: String
        var expectedTitle: String?
    }

    static func readabilityPage(_ name: String) throws -> ReadabilityPage {
        let folder = readabilityPagesDirectory.appendingPathComponent(name)
        let source = try Data(contentsOf: folder.appendingPathComponent("source.html"))
        let expectedHTML = try String(contentsOf: folder.appendingPathComponent("expected.html"), encoding: .utf8)
        let metadataData = try Data(contentsOf: folder.appendingPathComponent("expected-metadata.json"))
        let metadata = try JSONSerialization.jsonObject(with: metadataData) as? [String: Any]
        let title = (metadata?["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return ReadabilityPage(name: name, source: source, expectedHTML: expectedHTML, expectedTitle: title)
    }
}
