import Foundation
public import ReadingListModel

/// The articles of several CSV files in a zip archive or folder, read in order, one file and
/// one record at a time: each file of a zip archive is unpacked into a temporary file, read,
/// and removed before the next, so memory use stays bounded by a record and disk use by a file.
/// Problems and articles name the file they come from.
public struct ArchivedCSVReader: Sequence {
    private let archive: ExportArchive
    private let parts: [String]
    private let required: [String]
    private let article: @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>

    /// A reader of the files `parts` of `archive`, each with a header naming every one of `required`.
    init(
        archive: ExportArchive, parts: [String], required: [String],
        article: @escaping @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>
    ) {
        self.archive = archive
        self.parts = parts
        self.required = required
        self.article = article
    }

    /// The files read, in order.
    public var files: [String] { parts }

    public func makeIterator() -> Iterator {
        Iterator(archive: archive, parts: parts[...], required: required, article: article)
    }

    /// The records of each file in turn: an article, or a problem with the file and line.
    public struct Iterator: IteratorProtocol {
        let archive: ExportArchive
        var parts: ArraySlice<String>
        let required: [String]
        let article: @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>
        /// The file being read, and where it is on disk.
        private var current: (name: String, records: CSVRecords, url: URL)?

        init(
            archive: ExportArchive, parts: ArraySlice<String>, required: [String],
            article: @escaping @Sendable (CSVRecords.Record) -> Result<ImportedArticle, ImportProblem>
        ) {
            self.archive = archive
            self.parts = parts
            self.required = required
            self.article = article
        }

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            while true {
                if var file = current {
                    if let record = file.records.next() {
                        current = file
                        switch record.flatMap(article) {
                        case .success(var item):
                            item.file = file.name
                            return .success(item)
                        case .failure(let problem):
                            return .failure(problem.located(in: file.name))
                        }
                    }
                    finishCurrent()
                }
                guard let name = parts.popFirst() else { return nil }
                do throws(ImportProblem) {
                    try open(name)
                } catch {
                    return .failure(error.located(in: name))
                }
            }
        }

        /// Starts reading the file `name`, unpacking it first from a zip archive.
        private mutating func open(_ name: String) throws(ImportProblem) {
            let url = try archive.localFile(name)
            do throws(ImportProblem) {
                current = (name, try CSVRecords(path: url.path, required: required), url)
            } catch {
                archive.discard(url)
                throw error
            }
        }

        /// Stops reading the current file, and removes it if it was unpacked.
        private mutating func finishCurrent() {
            if let url = current?.url { archive.discard(url) }
            current = nil
        }
    }
}
