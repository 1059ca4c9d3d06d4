import Foundation
public import ReadingListModel

/// The items of an Omnivore export, one at a time: metadata files are decoded one whole file at
/// a time, and each item is read with its content and highlights (see ``OmnivoreExport``).
public struct OmnivoreReader: Sequence {
    private let archive: ExportArchive
    private let metadataFiles: [String]

    /// A reader of the items listed in `metadataFiles` of `archive`.
    init(archive: ExportArchive, metadataFiles: [String]) {
        self.archive = archive
        self.metadataFiles = metadataFiles
    }

    /// The metadata files read, in order.
    public var files: [String] { metadataFiles }

    public func makeIterator() -> Iterator { Iterator(archive: archive, files: metadataFiles[...]) }

    /// The items: an article (after any problem with its content or highlights), or a problem
    /// with the metadata file and the line where the item starts.
    public struct Iterator: IteratorProtocol {
        let archive: ExportArchive
        var files: ArraySlice<String>
        /// The metadata file being read, and its items with their lines.
        private var file = ""
        private var items: ArraySlice<(line: Int, item: Result<OmnivoreItem, DecodingError>)> = []
        /// What the current item gave and is not returned yet.
        private var pending: ArraySlice<Result<ImportedArticle, ImportProblem>> = []

        init(archive: ExportArchive, files: ArraySlice<String>) {
            self.archive = archive
            self.files = files
        }

        public mutating func next() -> Result<ImportedArticle, ImportProblem>? {
            while true {
                if let result = pending.popFirst() { return result }
                if let (line, item) = items.popFirst() {
                    switch item {
                    case .success(let item):
                        pending = OmnivoreExport.results(for: item, file: file, line: line, archive: archive)[...]
                    case .failure(let error):
                        return .failure(ImportProblem(line: line, reason: error.reason, file: file))
                    }
                    continue
                }
                guard let name = files.popFirst() else { return nil }
                if let problem = load(name) { return .failure(problem) }
            }
        }

        /// Reads the metadata file `name` whole, or returns why it cannot be read.
        private mutating func load(_ name: String) -> ImportProblem? {
            file = name
            items = []
            let data: Data
            do throws(ImportProblem) {
                data = try archive.data(of: name)
            } catch {
                return error
            }
            let slots: [OmnivoreItemSlot]
            do {
                slots = try JSONDecoder().decode([OmnivoreItemSlot].self, from: data)
            } catch {
                guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                    return ImportProblem(line: 0, reason: "not valid JSON (\(Self.syntaxError(in: data))); is the file complete?", file: name)
                }
                guard json is [Any] else {
                    return ImportProblem(line: 0, reason: "not a JSON list of items, as Omnivore's metadata files are", file: name)
                }
                let reason = (error as? DecodingError)?.reason ?? "\(error)"
                return ImportProblem(line: 0, reason: "not a JSON list of items (\(reason))", file: name)
            }
            let lines = JSONArrayLines.of(data)
            items = slots.enumerated().map { index, slot in (index < lines.count ? lines[index] : 0, slot.item) }[...]
            return nil
        }

        /// What JSONSerialization says is wrong with `data` ("Unexpected end of file during
        /// JSON parse."), for a message: JSONDecoder says only that it is not valid.
        private static func syntaxError(in data: Data) -> String {
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                return "valid"
            } catch {
                let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
                return text.hasSuffix(".") ? String(text.dropLast()) : text
            }
        }
    }
}
