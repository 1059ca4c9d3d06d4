import ReadingListModel

/// Turns the elements and text of an HTML export file, in document order, into its links, each
/// with its folders, section and description (``HTMLLink``), each handed on once complete.
///
/// Everything is decided in document order, never by the tree's shape, because libxml2
/// recovers the unclosed tags of a bookmark file in more than one way (a `<DT>` nested in the
/// `<DT>` before it; a folder's `<DL>` inside its `<DT>` or after it):
/// - a `<DL>` is the folder of the last `<H3>` seen in the same enclosing list since the last
///   link, and the folder's links are the ones inside that `<DL>`;
/// - a `<DD>` is the description of the link just before it, when nothing (no heading, list or
///   other link) stands between them; a link is complete once its description is known;
/// - an `<h1>` or `<h2>` starts a section (Pocket's "Unread" and "Read Archive");
/// - what is inside a link, a heading, `<script>`, `<style>`, `<head>` or `<title>` is not
///   looked into for structure.
final class HTMLLinkWalker: HTMLEventSink {
    /// A list (`<DL>`) being walked through: how many of ``folders`` are its folders, and the
    /// heading that will name the next list opened in it.
    private struct Scope {
        /// The depth of the list's element (0 for the document).
        var depth: Int
        var folderCount: Int
        var pendingFolder: HTMLLink.Folder?
    }

    /// An element whose text is being gathered, and what it is for.
    private enum Capture {
        case link(attributes: [String: String], line: Int)
        case folder(attributes: [String: String])
        case section
        case skipped

        /// Whether the element's text is kept.
        var gathersText: Bool {
            if case .skipped = self { return false }
            return true
        }
    }

    /// Elements that end a description: what follows them is not part of it.
    private static let structure: Set<String> = ["a", "dl", "dt", "dd", "h1", "h2", "h3", "hr", "ul", "ol", "li"]

    /// The depth of the innermost open element (0 outside every element).
    private var depth = 0
    private var scopes = [Scope(depth: 0, folderCount: 0, pendingFolder: nil)]
    /// The folders of the innermost list, outermost first: one stack for every list, so that
    /// lists nested thousands deep cost memory in proportion to their depth.
    private var folders: [HTMLLink.Folder] = []
    private var section: String?
    /// The element whose content is not looked into for structure, and its depth.
    private var capture: (kind: Capture, depth: Int)?
    private var captured: [UInt8] = []
    /// The last link, held until it is known whether a description follows.
    private var held: HTMLLink?
    /// The text of the held link's `<DD>` gathered so far, and the depth of the `<DD>`.
    private var description: (text: [UInt8], depth: Int)?
    /// Takes each complete link, in document order; `false` when it wants no more.
    private let emit: (HTMLLink) -> Bool
    private(set) var isSatisfied = false

    /// A walk that hands each complete link to `emit`, until `emit` returns `false`.
    init(emit: @escaping (HTMLLink) -> Bool) {
        self.emit = emit
    }

    /// Ends the walk: the held link is complete.
    func finish() {
        releaseHeld()
    }

    func start(_ name: String, attributes: HTMLStartTagAttributes, line: Int) {
        depth += 1
        if description != nil {
            if Self.structure.contains(name) { endDescription() } else if name == "br" { description?.text.append(0x0A) }
        }
        if let capture {
            if name == "br", capture.kind.gathersText { captured.append(0x0A) }
            return
        }
        switch name {
        case "a":
            releaseHeld()
            scopes[scopes.count - 1].pendingFolder = nil
            let attributes = attributes.dictionary
            // An anchor (<a name>) is no link; an <a> with neither attribute is a broken one.
            let kind: Capture = attributes["href"] != nil || attributes["name"] == nil ? .link(attributes: attributes, line: line) : .skipped
            begin(kind)
        case "dd":
            // The description is the text up to the next structural element; the walk goes on
            // into the <DD>, which libxml2 may have made the parent of the next folder.
            guard held != nil, held?.description == nil else { return releaseHeld() }
            held?.description = ""
            description = ([], depth)
        case "h3":
            releaseHeld()
            begin(.folder(attributes: attributes.dictionary))
        case "dl":
            let enclosing = scopes[scopes.count - 1]
            scopes[scopes.count - 1].pendingFolder = nil
            if let folder = enclosing.pendingFolder { folders.append(folder) }
            scopes.append(Scope(depth: depth, folderCount: folders.count, pendingFolder: nil))
            releaseHeld()
        case "h1", "h2":
            releaseHeld()
            begin(.section)
        case "script", "style", "head", "title":
            begin(.skipped)
        default:
            break
        }
    }

    func end(_ name: String) {
        defer { depth -= 1 }
        if let open = description, open.depth == depth { endDescription() }
        if let capture, capture.depth == depth {
            self.capture = nil
            let text = String(decoding: captured, as: UTF8.self).collapsingWhitespace()
            captured.removeAll(keepingCapacity: true)
            switch capture.kind {
            case .link(let attributes, let line):
                held = HTMLLink(attributes: attributes, title: text, line: line, folders: folders, section: section)
            case .folder(let attributes):
                scopes[scopes.count - 1].pendingFolder = HTMLLink.Folder(name: text, attributes: attributes)
            case .section:
                section = text
            case .skipped:
                break
            }
            return
        }
        if scopes.count > 1, scopes[scopes.count - 1].depth == depth {
            scopes.removeLast()
            folders.removeLast(folders.count - scopes[scopes.count - 1].folderCount)
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let capture, capture.kind.gathersText { captured.append(contentsOf: bytes) }
        // The text of a <script> or <style> is no part of a description.
        if description != nil, capture?.kind.gathersText ?? true { description?.text.append(contentsOf: bytes) }
    }

    private func begin(_ kind: Capture) {
        capture = (kind, depth)
        captured.removeAll(keepingCapacity: true)
    }

    private func endDescription() {
        guard let open = description else { return }
        held?.description = String(decoding: open.text, as: UTF8.self)
        description = nil
    }

    private func releaseHeld() {
        endDescription()
        guard let link = held else { return }
        held = nil
        if !isSatisfied, !emit(link) { isSatisfied = true }
    }
}
