import Foundation
public import ReadingListModel
public import ReadingListStorage
import ReadingListExtraction

extension ReadingLibrary {
    /// Saves a saved web page or plain-text article from a file: its headline, byline, site,
    /// excerpt and text are extracted. With a `url`, the article is identified by the URL;
    /// without one, by the file's bytes, so saving the same file again changes nothing.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - url: The page's address, if known.
    ///   - title: A title that overrides the extracted headline (and any current title).
    ///   - tags: Tags to add.
    /// - Throws: ``ReadingListError`` when the file cannot be read or holds no article.
    @discardableResult
    public func saveFile(
        at path: String, url: String? = nil, title: String? = nil, tags: [String] = []
    ) throws(ReadingListError) -> SaveResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadingListError(.invalidInput, "Cannot read \(path): \(Self.readFailureReason(path)). Check the path.")
        }
        let extracted: ExtractedArticle
        do {
            extracted = try ArticleExtractor.extract(fileContents: data, fileName: path)
        } catch {
            throw ReadingListError(.invalidInput, error.description)
        }
        return try save(ArticleDraft(
            source: url.map { .url($0) } ?? .fileContents(data), title: title, headline: extracted.title,
            byline: extracted.byline, siteName: extracted.siteName, excerpt: extracted.excerpt,
            content: extracted.text, language: extracted.language, publishedAt: extracted.publishedAt,
            tags: tags))
    }

    private static func readFailureReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "the file could not be read"
    }
}
