/// Groups of HTML tag names that extraction treats alike.
enum HTMLTagCategories {
    /// Elements that start a new paragraph in the text.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figure", "figcaption", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing",
        "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "plaintext",
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static let lists: Set<String> = ["ul", "ol", "menu", "dir"]

    /// Elements whose text is kept verbatim, line breaks and indentation included.
    static let preformatted: Set<String> = ["pre", "listing", "xmp", "plaintext"]

    /// Elements that hold a paragraph's worth of text when scoring candidates.
    static let paragraphLike: Set<String> = ["p", "pre", "td", "blockquote", "dd"]

    /// Elements whose text can be one paragraph when they contain no blocks.
    static let blockContainers: Set<String> = ["div", "section", "article", "main", "center", "font", "span"]

    static func isBlock(_ element: HTMLElement) -> Bool {
        blocks.contains(element.name)
    }

    /// Whether any child element is a block.
    static func hasBlockChildren(_ element: HTMLElement) -> Bool {
        element.childElements.contains { isBlock($0) }
    }
}
