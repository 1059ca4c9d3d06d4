import CLibXML2
import Foundation
import ReadingListModel

/// An HTML file parsed by libxml2's forgiving HTML parser, which closes the tags bookmark files
/// never close (`<DT>`, `<DD>`, `<p>`). The tree is freed with the document; nodes are only
/// valid while it lives.
final class HTMLDocument {
    /// The parsed tree (never `nil` once initialised).
    private let document: htmlDocPtr

    /// Forgiving, silent, offline. `XML_PARSE_HUGE` lifts the nesting limit of 256 elements:
    /// libxml2 nests each unclosed `<DT>` in the one before it, so a folder of thousands of
    /// bookmarks is thousands of elements deep.
    private static let parserOptions: Int32 = {
        let options: [htmlParserOption] = [HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET]
        return Int32(bitPattern: options.reduce(XML_PARSE_HUGE.rawValue) { $0 | $1.rawValue })
    }()

    /// libxml2 must be initialised once before threads use it concurrently.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses the file at `path`. Bytes that are valid UTF-8 are read as UTF-8 whatever charset
    /// the file declares; other bytes in the charset the file declares (libxml2's default,
    /// ISO-8859-1, without one).
    /// - Throws: ``ImportProblem`` (line 0) when the file cannot be read, is empty or is too
    ///   large for libxml2.
    init(path: String) throws(ImportProblem) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportProblem(line: 0, reason: "cannot read \(path)")
        }
        guard data.contains(where: { ![0x20, 0x09, 0x0A, 0x0C, 0x0D].contains($0) }) else {
            throw ImportProblem(line: 0, reason: "the file is empty")
        }
        guard data.count <= Int(Int32.max) else { throw ImportProblem(line: 0, reason: "the file is too large (2 GB or more)") }
        guard Self.libraryInitialized, let document = Self.parse([UInt8](data)) else {
            throw ImportProblem(line: 0, reason: "not an HTML file")
        }
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    private static func parse(_ bytes: [UInt8]) -> htmlDocPtr? {
        let isUTF8 = String(bytes: bytes, encoding: .utf8) != nil  // String(validating:as:) needs macOS 15
        return bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters -> htmlDocPtr? in
                guard let context = htmlCreateMemoryParserCtxt(characters, Int32(buffer.count)) else { return nil }
                defer { htmlFreeParserCtxt(context) }
                var options = parserOptions
                if isUTF8 { options |= Int32(bitPattern: HTML_PARSE_IGNORE_ENC.rawValue) }
                _ = htmlCtxtUseOptions(context, options)
                // Line numbers past 65,535 are kept only with this option, which
                // htmlCtxtUseOptions does not take; the tree builder reads it from the context.
                context.pointee.options |= Int32(bitPattern: XML_PARSE_BIG_LINES.rawValue)
                if isUTF8 { _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8) }
                _ = htmlParseDocument(context)
                let document = context.pointee.myDoc
                context.pointee.myDoc = nil
                return document
            }
        }
    }

    /// The `<html>` element (libxml2 supplies one when the file has none).
    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }

    /// Whether an element of the tree satisfies `predicate`, visiting elements in document order.
    func containsElement(where predicate: (HTMLNode) -> Bool) -> Bool {
        guard let root else { return false }
        var walk = HTMLNode.Walk(root: root)
        while let node = walk.next(descending: true) {
            if node.isElement, predicate(node) { return true }
        }
        return false
    }
}
