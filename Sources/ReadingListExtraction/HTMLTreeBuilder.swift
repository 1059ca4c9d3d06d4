import CLibXML2
import Foundation

/// Parses HTML bytes with libxml2's forgiving HTML parser and copies the result
/// into a tree of `HTMLElement`s, so no libxml2 pointer outlives the parse.
enum HTMLTreeBuilder {
    /// Elements nested deeper than this are flattened into their text, which keeps
    /// every later tree walk shallow however hostile the input is.
    static let maximumDepth = 200

    /// Forgiving, silent, offline parsing. `XML_PARSE_HUGE` lifts libxml2's nesting limit of
    /// 256 elements, past which it would stop parsing and drop the rest of the page (old pages
    /// with thousands of unclosed `<font>` tags get there).
    private static let parserOptions: Int32 = {
        let options: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING,
            HTML_PARSE_NONET, HTML_PARSE_COMPACT,
        ]
        // The caller decides the encoding, so a charset the page declares is ignored.
        return Int32(bitPattern: options.reduce(XML_PARSE_HUGE.rawValue | HTML_PARSE_IGNORE_ENC.rawValue) { $0 | $1.rawValue })
    }()

    /// libxml2 must be initialised once before threads use it concurrently.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` and returns the root `<html>` element, or nil if libxml2
    /// produced no document.
    ///
    /// - Parameters:
    ///   - encoding: the name of the bytes' encoding ("UTF-8", or "ISO-8859-1" to look for a
    ///     charset declaration); any charset the document declares is ignored.
    static func parse(_ bytes: [UInt8], encoding: String, baseURL: URL? = nil) -> HTMLElement? {
        guard libraryInitialized, !bytes.isEmpty else { return nil }
        let length = Int32(clamping: bytes.count)
        let options = parserOptions
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                withOptionalCString(baseURL?.absoluteString) { url in
                    encoding.withCString { encodingName in
                        htmlReadMemory(characters, length, url, encodingName, options)
                    }
                }
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else { return nil }
        var count = 0
        return makeElement(from: rootNode, depth: 0, count: &count)
    }

    private static func withOptionalCString<Result>(
        _ string: String?, _ body: (UnsafePointer<CChar>?) -> Result
    ) -> Result {
        guard let string else { return body(nil) }
        return string.withCString { body($0) }
    }

    /// `count` is the number of elements made so far: the new element's index in document order.
    private static func makeElement(from node: xmlNodePtr, depth: Int, count: inout Int) -> HTMLElement {
        let element = HTMLElement(name: lowercasedName(of: node), attributes: attributes(of: node), index: count)
        count += 1
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if depth + 1 < maximumDepth {
                    element.append(makeElement(from: current, depth: depth + 1, count: &count))
                } else {
                    element.append(text: flattenedText(of: current))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                element.append(text: string(from: current.pointee.content))
            default:
                break  // comments, processing instructions, entity references
            }
            child = current.pointee.next
        }
        return element
    }

    private static func lowercasedName(of node: xmlNodePtr) -> String {
        string(from: node.pointee.name).lowercased()
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = string(from: current.pointee.name).lowercased()
            if !name.isEmpty, result[name] == nil {
                var value = ""
                var valueNode = current.pointee.children
                while let piece = valueNode {
                    value += string(from: piece.pointee.content)
                    valueNode = piece.pointee.next
                }
                result[name] = value
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The text of every text node below `node` (scripts and styles aside), found without recursion.
    private static func flattenedText(of node: xmlNodePtr) -> String {
        var text = ""
        var current = node.pointee.children
        while let visiting = current {
            if visiting.pointee.type == XML_TEXT_NODE || visiting.pointee.type == XML_CDATA_SECTION_NODE {
                text += string(from: visiting.pointee.content)
                text += " "
            }
            if visiting.pointee.type == XML_ELEMENT_NODE, let firstChild = visiting.pointee.children,
               !["script", "style"].contains(lowercasedName(of: visiting)) {
                current = firstChild
                continue
            }
            var climbing: xmlNodePtr? = visiting
            current = nil
            while let step = climbing, step != node {
                if let next = step.pointee.next {
                    current = next
                    break
                }
                climbing = step.pointee.parent
            }
        }
        return text
    }

    private static func string(from characters: UnsafePointer<xmlChar>?) -> String {
        guard let characters else { return "" }
        return String(cString: characters)
    }

    private static func string(from characters: UnsafeMutablePointer<xmlChar>?) -> String {
        string(from: UnsafePointer(characters))
    }
}
