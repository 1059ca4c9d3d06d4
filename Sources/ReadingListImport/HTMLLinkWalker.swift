import ReadingListModel

/// The links of an HTML export file in document order, one at a time, each with its folders,
/// section and description.
///
/// Everything is decided in document order, never by the tree's shape, because libxml2
/// recovers the unclosed tags of a bookmark file in more than one way (a `<DT>` nested in the
/// `<DT>` before it; a folder's `<DL>` inside its `<DT>` or after it):
/// - a `<DL>` is the folder of the last `<H3>` seen in the same enclosing list since the last
///   link, and the folder's links are the ones inside that `<DL>`;
/// - a `<DD>` is the description of the link just before it, when nothing (no heading, list or
///   other link) stands between them; a link is returned once its description is known;
/// - an `<h1>` or `<h2>` starts a section (Pocket's "Unread" and "Read Archive").
struct HTMLLinkWalker: IteratorProtocol {
    /// A list (`<DL>`) being walked through: its folders and the heading that will name the
    /// next list opened in it.
    private struct Scope {
        var list: HTMLNode?
        var folders: [HTMLLink.Folder]
        var pendingFolder: HTMLLink.Folder?
    }

    /// Elements that end a description: what follows them is not part of it.
    private static let structure: Set<String> = ["a", "dl", "dt", "dd", "h1", "h2", "h3", "hr", "ul", "ol", "li"]

    /// Keeps the tree alive while the walk uses its nodes.
    private let document: HTMLDocument
    private var walk: HTMLNode.Walk?
    private var descend = true
    private var scopes = [Scope(list: nil, folders: [], pendingFolder: nil)]
    private var section: String?
    /// The last link, kept until it is known whether a description follows.
    private var held: HTMLLink?
    private var finished = false

    init(document: HTMLDocument) {
        self.document = document
        walk = document.root.map(HTMLNode.Walk.init)
    }

    mutating func next() -> HTMLLink? {
        while !finished {
            guard let node = nextNode() else {
                finished = true
                return releaseHeld()
            }
            guard node.isElement else { continue }
            if let link = visit(node) { return link }
        }
        return nil
    }

    private mutating func nextNode() -> HTMLNode? {
        guard var walk else { return nil }
        defer { self.walk = walk }
        let descending = descend
        descend = true
        return walk.next(descending: descending) { left in
            if self.scopes.count > 1, self.scopes[self.scopes.count - 1].list == left { self.scopes.removeLast() }
        }
    }

    /// Takes in an element; returns a link that is complete now.
    private mutating func visit(_ node: HTMLNode) -> HTMLLink? {
        switch node.name {
        case "a":
            descend = false
            let released = releaseHeld()
            scopes[scopes.count - 1].pendingFolder = nil
            let attributes = node.attributes
            // An anchor (<a name>) is no link; an <a> with neither attribute is a broken one.
            guard attributes["href"] != nil || attributes["name"] == nil else { return released }
            held = HTMLLink(
                attributes: attributes, title: node.text.collapsingWhitespace(), line: node.line,
                folders: scopes[scopes.count - 1].folders, section: section)
            return released
        case "dd":
            // The description is the text up to the next structural element; the walk goes on
            // into the <DD>, which libxml2 may have made the parent of the next folder.
            guard held != nil, held?.description == nil else { return releaseHeld() }
            held?.description = node.text(upTo: Self.structure)
            return nil
        case "h3":
            descend = false
            scopes[scopes.count - 1].pendingFolder = HTMLLink.Folder(name: node.text.collapsingWhitespace(), attributes: node.attributes)
            return releaseHeld()
        case "dl":
            let enclosing = scopes[scopes.count - 1]
            scopes[scopes.count - 1].pendingFolder = nil
            scopes.append(Scope(list: node, folders: enclosing.folders + (enclosing.pendingFolder.map { [$0] } ?? []), pendingFolder: nil))
            return releaseHeld()
        case "h1", "h2":
            descend = false
            section = node.text.collapsingWhitespace()
            return releaseHeld()
        case "script", "style", "head", "title":
            descend = false
            return nil
        default:
            return nil
        }
    }

    private mutating func releaseHeld() -> HTMLLink? {
        defer { held = nil }
        return held
    }
}
