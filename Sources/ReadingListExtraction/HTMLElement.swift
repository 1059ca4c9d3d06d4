/// One element of a parsed HTML document, detached from libxml2.
///
/// Names and attribute names are lowercase. Comments are not kept; the text of
/// `<script>` and `<style>` is kept as text children so JSON-LD can be read.
final class HTMLElement {
    /// A child of an element: another element or a run of text.
    enum Child {
        case element(HTMLElement)
        case text(String)
    }

    let name: String
    let attributes: [String: String]
    private(set) var children: [Child] = []
    private(set) weak var parent: HTMLElement?

    /// The element's position in document order within its tree (the root is 0), so per-element
    /// measurements can live in arrays.
    let index: Int

    init(name: String, attributes: [String: String], index: Int) {
        self.name = name
        self.attributes = attributes
        self.index = index
    }

    func append(_ element: HTMLElement) {
        element.parent = self
        children.append(.element(element))
        childElements.append(element)
    }

    func append(text: String) {
        guard !text.isEmpty else { return }
        children.append(.text(text))
    }

    /// The value of an attribute, trimmed; nil when absent or blank.
    func attribute(_ name: String) -> String? {
        guard let raw = attributes[name], !raw.isEmpty else { return nil }
        if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
           !first.isWhitespaceLike, !last.isWhitespaceLike {
            return raw
        }
        let value = raw.trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// The element children, in order (kept alongside `children`, as walks ask for them often).
    private(set) var childElements: [HTMLElement] = []

    /// The lowercase words of the class and id attributes, split at anything
    /// that is not a letter or digit and at lower-to-upper case changes.
    /// Computed once: filters ask for them many times per element.
    private(set) lazy var classAndIDTokens: [String] = {
        guard attributes["class"] != nil || attributes["id"] != nil else { return [] }
        let raw = [attributes["class"], attributes["id"]].compactMap { $0 }.joined(separator: " ")
        return raw.identifierWords()
    }()

    /// Whether Readability would drop this element as an unlikely candidate; decided once.
    private(set) lazy var isUnlikelyCandidate: Bool = ClassHints.isUnlikelyCandidate(self)

    /// `ContentFilter`'s decisions for this element, two bits per strictness (decided, excluded).
    var exclusionMemo: UInt8 = 0

    /// The class and id attributes, lowercased and joined by a space, as UTF-8; computed once,
    /// for the substring tests of Readability's class hints.
    private(set) lazy var lowercasedClassAndID: [UInt8] = {
        guard attributes["class"] != nil || attributes["id"] != nil else { return [] }
        return Array([attributes["class"], attributes["id"]].compactMap { $0 }.joined(separator: " ").lowercased().utf8)
    }()

    /// All descendants in document order, this element excluded.
    /// `descend` decides whether to look inside an element (it is still visited).
    func descendants(descendingInto descend: (HTMLElement) -> Bool = { _ in true }) -> [HTMLElement] {
        var result: [HTMLElement] = []
        var stack: [HTMLElement] = childElements.reversed()
        while let element = stack.popLast() {
            result.append(element)
            if descend(element) {
                stack.append(contentsOf: element.childElements.reversed())
            }
        }
        return result
    }

    /// The first of this element and its descendants, in document order, that satisfies
    /// `predicate`; `descend` decides whether to look inside an element. Stops at the first match.
    func first(where predicate: (HTMLElement) -> Bool, descendingInto descend: (HTMLElement) -> Bool) -> HTMLElement? {
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            if predicate(element) { return element }
            if descend(element) {
                stack.append(contentsOf: element.childElements.reversed())
            }
        }
        return nil
    }

    /// Descendants with the given name, in document order.
    func descendants(named name: String) -> [HTMLElement] {
        descendants().filter { $0.name == name }
    }

    /// The raw text of this element and its descendants, concatenated.
    var rawText: String {
        var pieces: [String] = []
        collectText(into: &pieces)
        return pieces.joined()
    }

    private func collectText(into pieces: inout [String]) {
        for child in children {
            switch child {
            case .text(let text): pieces.append(text)
            case .element(let element): element.collectText(into: &pieces)
            }
        }
    }

    /// The text of this element with whitespace collapsed and trimmed.
    var normalizedText: String {
        rawText.collapsingWhitespace()
    }

    /// Whether `ancestor` is this element or one of its ancestors.
    func isInside(_ ancestor: HTMLElement) -> Bool {
        var current: HTMLElement? = self
        while let element = current {
            if element === ancestor { return true }
            current = element.parent
        }
        return false
    }

    /// The nearest ancestor (self excluded) that satisfies `predicate`.
    func ancestor(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        var current = parent
        while let element = current {
            if predicate(element) { return element }
            current = element.parent
        }
        return nil
    }
}
