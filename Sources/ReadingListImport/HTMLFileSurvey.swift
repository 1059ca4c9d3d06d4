import Foundation
import ReadingListModel

/// What a first reading of an HTML export file tells before its links are read: whether it
/// holds any link, whether any link has a `TOREAD` attribute, and how to decode it. The file is
/// parsed without building a tree (``HTMLSAXParser``), so any size is read in bounded memory.
struct HTMLFileSurvey {
    /// Whether the file has an `<a>` element.
    var hasLinks = false
    /// Whether an `<a>` element has a `TOREAD` attribute (Pinboard's and linkding's read state).
    var hasReadState = false
    /// UTF-8 when the whole file is valid UTF-8, whatever charset it declares; else the
    /// charset it declares.
    var encoding = HTMLSAXParser.Encoding.declared

    /// Reads the file at `path` through once.
    /// - Throws: ``ImportProblem`` (line 0) when the file cannot be read or holds only white
    ///   space.
    init(path: String) throws(ImportProblem) {
        let links = LinkFinder()
        var utf8 = UTF8Validation()
        var hasContent = false
        try HTMLSAXParser.parse(path: path, encoding: .declared, into: links) { bytes in
            utf8.consume(bytes)
            if !hasContent { hasContent = bytes.contains { ![0x20, 0x09, 0x0A, 0x0C, 0x0D].contains($0) } }
        }
        guard hasContent else { throw ImportProblem(line: 0, reason: "the file is empty") }
        hasLinks = links.hasLinks
        hasReadState = links.hasReadState
        if utf8.isComplete { encoding = .utf8 }
    }

    /// Notes the links of a file and whether any has a `TOREAD` attribute.
    private final class LinkFinder: HTMLEventSink {
        var hasLinks = false
        var hasReadState = false

        func start(_ name: String, attributes: HTMLStartTagAttributes, line: Int) {
            guard name == "a", !hasReadState else { return }
            hasLinks = true
            hasReadState = attributes.dictionary["toread"] != nil
        }

        func end(_ name: String) {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
