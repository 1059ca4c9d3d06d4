public import ReadingListModel

/// A file format `readlist export` writes (Protocol/SPEC.md §5 and §5.1).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// readlist's own JSON export (`LibraryExport`): every article with its text, states, tags
    /// and highlights. Lossless: `readlist import` reads it back exactly.
    case json
    /// A Netscape bookmark file (`NetscapeBookmarkWriter`), which browsers and read-it-later
    /// services import. Articles without a URL are left out.
    case html
    /// Pocket's CSV export (`PocketCSVWriter`): `title,url,time_added,tags,status`. Articles
    /// without a URL are left out.
    case csv
    /// One Markdown note per article with YAML front matter (`MarkdownNotesWriter`), for a
    /// folder such as an Obsidian vault.
    case markdown

    /// Whether the export is a folder of files rather than one document.
    public var writesFolder: Bool { self == .markdown }

    /// Whether articles saved from a file without a URL are left out (the format needs a URL).
    public var needsURL: Bool { self == .html || self == .csv }

    /// The order the export lists articles in, and so the order its writer takes them in: by
    /// id for json (SPEC.md §5) and markdown (where notes whose names would collide are
    /// neighbours), newest first for html and csv (SPEC.md §5.1).
    public var articleOrder: ArticleOrder {
        switch self {
        case .json, .markdown: .id
        case .html, .csv: .newestFirst
        }
    }

    /// The usual file extension of the export (of each note, for markdown).
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .html: "html"
        case .csv: "csv"
        case .markdown: "md"
        }
    }

    public var description: String { rawValue }
}
