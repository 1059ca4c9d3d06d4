import Foundation
import ReadingListModel

/// The notes of articles given a batch at a time in id order, named as
/// ``MarkdownNotesWriter/fileNames(_:)`` names them among all the articles.
///
/// Two names can only collide when the ids start with the same eight characters, so such
/// articles are neighbours in id order: the stream holds back the last run of articles whose ids
/// start alike (almost always one) until an article with another start, or the end, completes it.
struct MarkdownNotesStream {
    private var run: [Article] = []

    /// Writes the notes that `articles` complete.
    mutating func add<Failure>(_ articles: [Article], to write: (ExportedFile) throws(Failure) -> Void) throws(Failure) {
        for article in articles {
            if let first = run.first, first.id.short != article.id.short { try flush(to: write) }
            run.append(article)
        }
    }

    /// Writes the notes held back: the end of the export.
    mutating func finish<Failure>(to write: (ExportedFile) throws(Failure) -> Void) throws(Failure) {
        try flush(to: write)
    }

    private mutating func flush<Failure>(to write: (ExportedFile) throws(Failure) -> Void) throws(Failure) {
        let names = MarkdownNotesWriter.fileNames(run)
        for (article, name) in zip(run, names) {
            try write(ExportedFile(name: name, contents: Data(MarkdownNotesWriter.note(article).utf8)))
        }
        run.removeAll(keepingCapacity: true)
    }
}
