import CLibXML2

/// A node of an ``HTMLDocument``'s tree, valid while the document lives.
struct HTMLNode: Equatable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name, lowercased (libxml2's HTML parser already lowercases it).
    var name: String { pointer.pointee.name.map { String(cString: $0).lowercased() } ?? "" }

    /// The line the node starts on (1-based), past 65,535 too.
    var line: Int { max(1, xmlGetLineNo(pointer)) }

    var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
    var parent: HTMLNode? { pointer.pointee.parent.map(HTMLNode.init) }

    /// A text node's text.
    var content: String { pointer.pointee.content.map { String(cString: $0) } ?? "" }

    /// The element's attributes by lowercased name, entities decoded (the first of repeated ones).
    var attributes: [String: String] {
        var result: [String: String] = [:]
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if !name.isEmpty, result[name] == nil {
                var value = ""
                var piece = current.pointee.children
                while let text = piece {
                    value += text.pointee.content.map { String(cString: $0) } ?? ""
                    piece = text.pointee.next
                }
                result[name] = value
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The text of the node and every node below it, in document order.
    var text: String { text(upTo: []) }

    /// The text below the node in document order (a `<br>` as a line end), up to the first
    /// element named in `ends`.
    func text(upTo ends: Set<String>) -> String {
        var result = ""
        var walk = Walk(root: self)
        while let node = walk.next(descending: true) {
            if node.isText {
                result += node.content
            } else if node.isElement, ends.contains(node.name) {
                break
            } else if node.isElement, node.name == "br" {
                result += "\n"
            }
        }
        return result
    }

    /// A walk through the nodes below a root in document order, without recursion (bookmark
    /// trees can be thousands of elements deep). `leaving` is told of each node the walk has
    /// finished with, children included.
    struct Walk {
        let root: HTMLNode
        private var current: HTMLNode?
        private var started = false

        init(root: HTMLNode) { self.root = root }

        /// The next node: the first child of the last one if `descending`, else the next one
        /// after the last one's subtree; `nil` at the end.
        mutating func next(descending: Bool, leaving: (HTMLNode) -> Void = { _ in }) -> HTMLNode? {
            guard started else {
                started = true
                current = root.firstChild
                return current
            }
            guard var node = current else { return nil }
            if descending, let child = node.firstChild {
                current = child
                return child
            }
            while true {
                leaving(node)
                if let sibling = node.nextSibling {
                    current = sibling
                    return sibling
                }
                guard let parent = node.parent, parent != root else {
                    current = nil
                    return nil
                }
                node = parent
            }
        }
    }
}
