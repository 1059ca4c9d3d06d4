import Foundation
import ReadingListExtraction
import ReadingListModel

/// What a first reading of an HTML export file tells before its links are read: whether it
/// holds any link, whether any link has a `TOREAD` attribute, and how to decode it. The file is
/// parsed without building a tree (``HTMLSAXParser``), so any size is read in bounded memory.
struct HTMLFileSurvey {
    /// Whether the file has an `<a>` element.
    var hasLinks = false
    /// Whether an `<a>` element has a `TOREAD` attribute (Pinboard's and linkding's read state).
    var hasReadState = false
    /// UTF-16 when the file starts with its byte-order mark; else UTF-8 when the whole file is
    /// valid UTF-8, whatever charset it declares; else the charset it declares, Windows-1252 for
    /// ISO-8859-1, ASCII or none (as browsers read them).
    var encoding = HTMLSAXParser.Encoding.declared

    /// Reads the file at `path` through once.
    /// - Throws: ``ImportProblem`` (line 0) when the file cannot be read or holds only white
    ///   space.
    init(path: String) throws(ImportProblem) {
        let links = LinkFinder()
        var utf8 = UTF8Validation()
        var hasContent = false
        var start: [UInt8] = []
        try HTMLSAXParser.parse(path: path, encoding: .declared, into: links) { bytes in
            if start.count < 2 { start += bytes.prefix(2 - start.count) }
            utf8.consume(bytes)
            if !hasContent { hasContent = bytes.contains { ![0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x00].contains($0) } }
        }
        guard hasContent else { throw ImportProblem(line: 0, reason: "the file is empty") }
        hasLinks = links.hasLinks
        hasReadState = links.hasReadState
        if start == [0xFF, 0xFE] || start == [0xFE, 0xFF] {
            encoding = .declared
        } else if utf8.isComplete {
            encoding = .utf8
        } else if CharsetLabel(label: links.declaredCharset ?? "") == .windows1252 {
            encoding = .windows1252
        }
    }

    /// Notes the links of a file, whether any has a `TOREAD` attribute, and the charset its
    /// first `<meta>` declaring one names.
    private final class LinkFinder: HTMLEventSink {
        var hasLinks = false
        var hasReadState = false
        var declaredCharset: String?
        private var metaSeen = false

        func start(_ name: String, attributes: HTMLStartTagAttributes, line: Int) {
            if name == "meta", !metaSeen {
                let meta = attributes.dictionary
                declaredCharset = meta["charset"]
                    ?? (meta["http-equiv"]?.lowercased() == "content-type" ? meta["content"].flatMap(HTMLCharsetResolver.charsetParameter) : nil)
                metaSeen = declaredCharset != nil
            }
            guard name == "a", !hasReadState else { return }
            hasLinks = true
            hasReadState = attributes.dictionary["toread"] != nil
        }

        func end(_ name: String) {}
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
