import ReadingListExtraction
import Foundation

/// One page folder of a reference set such as Mozilla Readability's test pages: `source.html`
/// (the page), `expected.html` (the reference content) and `expected-metadata.json` (the
/// reference title, byline, excerpt…). Only the source is required; what is missing or
/// unreadable is listed in `problems` and left out of the comparison.
struct ReferencePage {
    /// The metadata fields compared, as `expected-metadata.json` names them.
    struct Metadata {
        var title: String?
        var byline: String?
        var excerpt: String?
    }

    var name: String
    var source: Data
    /// The text of `expected.html`; nil when it is missing or unreadable.
    var expectedText: String?
    /// nil when `expected-metadata.json` is missing or is not a JSON object.
    var expectedMetadata: Metadata?
    /// What could not be read, one short sentence each.
    var problems: [String]

    /// Reads the page folder; throws only when `source.html` cannot be read.
    init(folder: URL) throws(ReferencePageError) {
        name = folder.lastPathComponent
        problems = []
        let sourceURL = folder.appendingPathComponent("source.html")
        guard let source = try? Data(contentsOf: sourceURL) else {
            throw ReferencePageError(page: name, reason: FileManager.default.fileExists(atPath: sourceURL.path)
                ? "source.html cannot be read" : "no source.html")
        }
        self.source = source
        let expectedURL = folder.appendingPathComponent("expected.html")
        if let expected = try? Data(contentsOf: expectedURL) {
            expectedText = ExtractionScore.text(ofHTML: expected)
        } else {
            problems.append("no readable expected.html: content not scored")
        }
        let metadataURL = folder.appendingPathComponent("expected-metadata.json")
        if let data = try? Data(contentsOf: metadataURL) {
            if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
                expectedMetadata = Metadata(
                    title: object["title"] as? String, byline: object["byline"] as? String,
                    excerpt: object["excerpt"] as? String)
            } else {
                problems.append("expected-metadata.json is not a JSON object: metadata not scored")
            }
        } else {
            problems.append("no readable expected-metadata.json: metadata not scored")
        }
    }

    /// The page folders of `folder` (subfolders holding a `source.html` or an expected file), sorted by name.
    static func pageFolders(in folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            let known = ["source.html", "expected.html", "expected-metadata.json"]
            return known.contains { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) } ? url : nil
        }
    }
}

/// A page folder that cannot be scored at all.
struct ReferencePageError: Error {
    var page: String
    var reason: String
}

extension ReferencePageError: CustomStringConvertible {
    var description: String { "\(page): \(reason)" }
}
