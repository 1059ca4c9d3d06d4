/// The metadata a page states about itself: `<meta>` values, JSON-LD, `<title>` and `lang`.
struct PageMetadata {
    /// Meta values by lowercase key (`property`, `name`, `itemprop` or `http-equiv`); first value wins.
    let metaValues: [String: String]
    let jsonLD: JSONLDMetadata
    /// The text of the document's `<title>`, whitespace collapsed.
    let documentTitle: String?
    /// The `lang` (or `xml:lang`) attribute of the root element.
    let rootLanguage: String?

    init(root: HTMLElement) {
        var scripts: [String] = []
        var documentTitle: String?
        var metaValues: [String: String] = [:]
        for element in root.descendants() {
            switch element.name {
            case "meta":
                Self.record(meta: element, into: &metaValues)
            case "script" where element.attribute("type")?.lowercased() == "application/ld+json":
                scripts.append(element.rawText)
            case "title" where documentTitle == nil:
                if element.ancestor(where: { $0.name == "svg" || $0.name == "math" }) == nil {
                    let text = element.normalizedText
                    if !text.isEmpty { documentTitle = text }
                }
            default:
                break
            }
        }
        self.metaValues = metaValues
        self.documentTitle = documentTitle
        self.jsonLD = JSONLDMetadata(scripts: scripts)
        self.rootLanguage = root.attribute("lang") ?? root.attribute("xml:lang")
    }

    /// The first non-empty value among the given keys, in the order given.
    func meta(_ keys: String...) -> String? {
        keys.lazy.compactMap { metaValues[$0] }.first
    }

    private static func record(meta element: HTMLElement, into metaValues: inout [String: String]) {
        guard let rawContent = element.attribute("content") else { return }
        let content = ResidualEntityDecoder.decode(rawContent).collapsingWhitespace()
        guard !content.isEmpty else { return }
        for attribute in ["property", "name", "itemprop", "http-equiv"] {
            guard let keys = element.attribute(attribute) else { continue }
            for key in keys.lowercased().split(whereSeparator: { $0.isWhitespace }) where metaValues[String(key)] == nil {
                metaValues[String(key)] = content
            }
        }
    }
}
