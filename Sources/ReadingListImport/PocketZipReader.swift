import Foundation
public import ReadingListModel

/// The records of Pocket's 2025 export: its CSV parts in order (``ArchivedCSVReader``), then
/// the highlights of its annotations files, each page's highlights as an article of its URL,
/// merged into the one the parts saved. Each annotations file is unpacked, streamed, and
/// removed before the next; problems name the file and line.
public struct PocketZipReader: Sequence {
    private let parts: ArchivedCSVReader
    private let archive: ExportArchive
    /// The annotations files, in order.
    let annotations: [String]

    init(parts: ArchivedCSVReader, archive: ExportArchive, annotations: [String]) {
        self.parts = parts
        self.archive = archive
        self.annotations = annotations
    }

    /// The CSV files read, in order.
    public var files: [String] { parts.files }

    public func makeIterator() -> Iterator {
        Iterator(parts: parts.makeIterator(), archive: archive, annotations: annotations[...])
    }

    /// The records of the parts, then the pages of the annotations files.
    public struct Iterator: IteratorProtocol {
        var parts: ArchivedCSVReader.Iterator?
        let archive: ExportArchive
        var annotations: ArraySlice<String>
        /// The annotations file being read, and where it is on disk.
        private var current: (name: String, pages: JSONRecordReader<ImportedArticle?>.Iterator, url: URL)?

        init(parts: ArchivedCSVReader.Iterator, archive: ExportArchive, annotations: ArraySlice<String>) {
            self.parts = parts
            self.archive = archive
            self.annotations = annotations
        }

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            if let record = parts?.next() { return record }
            parts = nil
            while true {
                if var file = current {
                    // Owned here while read (no copy of the reader's buffers), put back when a
                    // page is returned.
                    current = nil
                    while let page = file.pages.next() {
                        switch page {
                        case .success(nil): continue
                        case .success(var item?):
                            current = file
                            item.file = file.name
                            return .success(item)
                        case .failure(let problem):
                            current = file
                            return .failure(problem.located(in: file.name))
                        }
                    }
                    archive.discard(file.url)
                }
                guard let name = annotations.popFirst() else { return nil }
                do throws(ImportProblem) {
                    let url = try archive.localFile(name)
                    do throws(ImportProblem) {
                        let reader = try JSONRecordReader<ImportedArticle?>(path: url.path) { element in
                            element.decode(PocketAnnotation.self, record: "page \(element.index + 1)").flatMap { page in
                                page.article(line: element.line).map { $0.map(Optional.some) } ?? .success(nil)
                            }
                        }
                        current = (name, reader.makeIterator(), url)
                    } catch {
                        archive.discard(url)
                        throw error
                    }
                } catch {
                    return .failure(error.located(in: name))
                }
            }
        }
    }
}
