// An embedding example: uses the ReadingList library through its public API only.
//
//     swift run ReadingListExample [path/to/library.sqlite]
import Foundation
import ReadingList

let path = CommandLine.arguments.dropFirst().first
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("readlist-example-\(getpid()).sqlite").path

do {
    let library = try ReadingLibrary(path: path)
    let saved = try library.save(ArticleDraft(
        source: .url("https://example.com/essays/local-first-software?utm_source=newsletter"),
        title: "Local-first software", tags: ["essays"]))
    try library.addTags(["sync", "Local First"], to: saved.article.id.description)
    try library.save(ArticleDraft(source: .url("https://example.org/notes/crdts"), title: "Notes on CRDTs"))
    try library.setRead("https://example.org/notes/crdts", true)

    print("Library: \(path)")
    print("Unread articles:")
    for article in try library.articles(ArticleQuery(state: .unread)) {
        print("- \(article.title) [\(article.tags.joined(separator: ", "))] \(article.id)")
    }
} catch {
    FileHandle.standardError.write(Data("example: \(error)\n".utf8))
    exit(1)
}
