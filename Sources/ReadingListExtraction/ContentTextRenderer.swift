/// Turns article elements into plain text: paragraphs and headings become paragraphs
/// separated by a blank line, each list item becomes a line starting with "• ", `<br>` becomes
/// a line break (two in a row end the paragraph), table rows of plain cells become one line
/// with cells joined by " | ", and preformatted text is kept verbatim. Whitespace inside
/// paragraphs is collapsed.
struct ContentTextRenderer {
    /// A finished piece of text.
    struct Block: Equatable {
        enum Kind: Equatable {
            case paragraph
            case heading
            case listItem
            case preformatted
        }

        var text: String
        var kind: Kind
        /// For list items: which outermost list the item belongs to.
        var list: Int? = nil
    }

    /// Elements to leave out, with everything inside them.
    let isSkipped: (HTMLElement) -> Bool

    private var blocks: [Block] = []
    private var line = String.UnicodeScalarView()
    private var pendingSpace = false
    private var listDepth = 0
    /// The bullet (with indentation) the next text of the current list item starts with.
    private var pendingBullet: String?
    private var insideListItem = 0
    /// How many outermost lists have started so far.
    private var listCount = 0

    init(isSkipped: @escaping (HTMLElement) -> Bool) {
        self.isSkipped = isSkipped
    }

    /// The blocks of text in the given elements, in order.
    mutating func render(_ roots: [HTMLElement]) -> [Block] {
        blocks = []
        for root in roots {
            renderChildren(of: root)
            flush()
        }
        return blocks
    }

    /// Joins blocks: list items of one list on consecutive lines, everything else separated by a blank line.
    static func join(_ blocks: [Block]) -> String {
        var text = ""
        var previous: Block?
        for block in blocks {
            if let previous {
                let sameList = previous.kind == .listItem && block.kind == .listItem && previous.list == block.list
                text += sameList ? "\n" : "\n\n"
            }
            text += block.text
            previous = block
        }
        return text
    }

    private mutating func render(_ element: HTMLElement) {
        if isSkipped(element) {
            if HTMLTagCategories.isBlock(element) { flush() } else { pendingSpace = true }
            return
        }
        switch element.name {
        case "br":
            lineBreak()
        case "hr":
            flush()
        case _ where HTMLTagCategories.preformatted.contains(element.name):
            flush()
            appendPreformatted(element)
        case _ where HTMLTagCategories.lists.contains(element.name):
            flush()
            if listDepth == 0 { listCount += 1 }
            listDepth += 1
            renderChildren(of: element)
            flush()
            listDepth -= 1
        case "li":
            flush()
            let indent = String(repeating: "  ", count: max(listDepth - 1, 0))
            pendingBullet = indent + "• "
            insideListItem += 1
            renderChildren(of: element)
            flush()
            insideListItem -= 1
            pendingBullet = nil
        case "tr" where isSimpleRow(element):
            flush()
            renderRow(element)
            flush()
        case "img":
            break
        case _ where HTMLTagCategories.headings.contains(element.name):
            flush()
            renderChildren(of: element)
            flush(as: .heading)
        case _ where HTMLTagCategories.isBlock(element):
            flush()
            renderChildren(of: element)
            flush()
        default:
            renderChildren(of: element)
        }
    }

    private mutating func renderChildren(of element: HTMLElement) {
        for child in element.children {
            switch child {
            case .text(let text): append(text)
            case .element(let childElement): render(childElement)
            }
        }
    }

    /// A row whose cells hold no blocks, such as a row of a data table.
    private func isSimpleRow(_ row: HTMLElement) -> Bool {
        let cells = row.childElements.filter { $0.name == "td" || $0.name == "th" }
        guard cells.count > 1 else { return false }
        return cells.allSatisfy { cell in
            !cell.descendants().contains { HTMLTagCategories.isBlock($0) || $0.name == "br" }
        }
    }

    private mutating func renderRow(_ row: HTMLElement) {
        var cells: [String] = []
        for cell in row.childElements where (cell.name == "td" || cell.name == "th") && !isSkipped(cell) {
            var cellRenderer = ContentTextRenderer(isSkipped: isSkipped)
            let text = Self.join(cellRenderer.render([cell])).collapsingWhitespace()
            if !text.isEmpty { cells.append(text) }
        }
        append(cells.joined(separator: " | "))
    }

    private mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar.isInvisibleFormatting { continue }
            if scalar.isWhitespaceLike {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = line.last, last != "\n" {
                line.append(" ")
            }
            pendingSpace = false
            line.append(scalar)
        }
    }

    private mutating func lineBreak() {
        if line.isEmpty { return }
        if line.last == "\n" {
            flush()  // <br><br> separates paragraphs
        } else {
            line.append("\n")
            pendingSpace = false
        }
    }

    private mutating func flush(as kind: Block.Kind = .paragraph) {
        let lines = String(line).split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        line = String.UnicodeScalarView()
        pendingSpace = false
        guard !lines.isEmpty else { return }
        let text = lines.joined(separator: "\n")
        if insideListItem > 0 {
            let prefix = pendingBullet ?? String(repeating: "  ", count: listDepth)
            pendingBullet = nil
            blocks.append(Block(text: prefix + text, kind: .listItem, list: listCount))
        } else {
            blocks.append(Block(text: text, kind: kind))
        }
    }

    private mutating func appendPreformatted(_ element: HTMLElement) {
        var text = element.rawText.replacingLineEndings()
        while text.first == "\n" { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard !text.trimmingWhitespace().isEmpty else { return }
        blocks.append(Block(text: text, kind: .preformatted))
    }
}
