import Foundation
import ReadingListModel
@testable import ReadingListImport

/// Fixture files in `seeds/import/`, and temporary files for one test.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `seeds/import/<name>`.
    static func path(_ name: String) -> String { repositoryRoot.appendingPathComponent("seeds/import/\(name)").path }

    /// The first 4 KB of `seeds/import/<name>`, as `readlist import` detects formats.
    static func head(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))).prefix(4_096) }

    /// Writes `bytes` to a new temporary file, and returns its path.
    static func temporary(_ bytes: Data, named name: String = "bookmarks.html") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    static func temporary(_ text: String) throws -> String { try temporary(Data(text.utf8)) }

    /// Writes `files` (text by relative path) into a new temporary folder, and returns its path.
    static func temporaryFolder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-import-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder.path
    }
}

/// What a reader read: the articles, the problems and the records left out on purpose, in file
/// order.
struct ReadResult {
    var articles: [ImportedArticle] = []
    var problems: [ImportProblem] = []
    var ignored: [ImportProblem] = []

    init(_ records: some Sequence<Result<ImportedArticle, ImportProblem>>) {
        for record in records {
            switch record {
            case .success(let article): articles.append(article)
            case .failure(let problem) where problem.isIgnored: ignored.append(problem)
            case .failure(let problem): problems.append(problem)
            }
        }
    }

    /// The article saved from `url`.
    func article(_ url: String) -> ImportedArticle? { articles.first { $0.draft.source == .url(url) } }

    var urls: [String] {
        articles.compactMap { if case .url(let url) = $0.draft.source { url } else { nil } }
    }
}
