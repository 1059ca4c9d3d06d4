public import Foundation
import ReadingListExtraction
import ReadingListWire

/// A file format `readlist import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Pocket's CSV export (`title,url,time_added,tags,status`, with or without `cursor`).
    case pocketCSV = "pocket-csv"
    /// Instapaper's CSV export (`URL,Title,Selection,Folder`, with or without `Timestamp,Tags`).
    case instapaperCSV = "instapaper-csv"
    /// readlist's own JSON export (`readlist export --format json`), imported losslessly.
    case readlistJSON = "readlist-json"
    /// A Netscape bookmark file: browsers' bookmark exports, Pinboard, Shaarli, Raindrop,
    /// linkding, Karakeep (see ``NetscapeHTML``).
    case netscapeHTML = "netscape-html"
    /// Pocket's legacy HTML export, `ril_export.html` (see ``PocketHTML``).
    case pocketHTML = "pocket-html"
    /// Pocket's 2025 export, `pocket.zip` of `part_000000.csv`, … files, or the folder it
    /// unpacks to (see ``PocketZip``).
    case pocketZip = "pocket-zip"
    /// Omnivore's export: a zip archive of `metadata_*.json`, `content/` and `highlights/`, or
    /// the folder it unpacks to (see ``OmnivoreExport``).
    case omnivore
    /// Readwise's highlights CSV export, or its bulk-import template (see ``ReadwiseCSV``).
    case readwiseCSV = "readwise-csv"
    /// Readwise Reader's documents CSV export (see ``ReadwiseReaderCSV``).
    case readwiseReaderCSV = "readwise-reader-csv"
    /// wallabag's v2 JSON export, annotations imported as highlights (see ``WallabagJSON``).
    case wallabagJSON = "wallabag-json"

    /// Whether the format is a zip archive (or the folder it unpacks to) rather than one file.
    public var isArchive: Bool { self == .pocketZip || self == .omnivore }

    /// The format of a zip archive or folder holding `files` (paths inside it), or `nil`:
    /// Omnivore's export holds `metadata_<n>_to_<m>.json` files, Pocket's `part_<n>.csv` files.
    public static func detect(archiveFiles files: [String]) -> ImportFormat? {
        if !OmnivoreExport.metadataFiles(of: files).isEmpty { return .omnivore }
        if files.contains(where: { PocketZip.partNumber($0, extension: ".csv") != nil }) { return .pocketZip }
        return nil
    }

    /// Keys of a wallabag entry that no other format's JSON has.
    static let wallabagKeys = [
        "\"is_archived\"", "\"is_starred\"", "\"domain_name\"", "\"reading_time\"", "\"annotations\"", "\"preview_picture\"",
    ]

    /// The format of the file that starts with `head` (its first few kilobytes), or `nil`. A
    /// JSON object starting with `"articles"` is readlist's export; a JSON list of objects with
    /// one of ``wallabagKeys`` in `head` is wallabag's.
    public static func detect(_ head: Data) -> ImportFormat? {
        // A byte-order mark (UTF-8 or UTF-16) tells the encoding; else UTF-8, or Windows-1252.
        let text = TextDecoding.decodeText([UInt8](head.prefix(4_096)))
        // readlist's export has sorted keys: "articles" comes first, "format" at the very end;
        // a file rewritten by a tool (jq) may put its "format" first.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{"),
            trimmed.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("\"articles\"")
                || trimmed.contains("\"\(LibraryExport.formatName)\"")
        {
            return .readlistJSON
        }
        if trimmed.hasPrefix("["), trimmed.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{"),
            wallabagKeys.contains(where: trimmed.contains)
        {
            return .wallabagJSON
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
        let columns = Set(firstLine.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) })
        if ["url", "time_added"].allSatisfy(columns.contains), columns.contains("status") || columns.contains("tags") {
            return .pocketCSV
        }
        if ["url", "title", "selection", "folder"].allSatisfy(columns.contains) { return .instapaperCSV }
        if columns.contains("highlight"),
            ["book title", "amazon book id", "highlighted at", "title", "url"].contains(where: columns.contains) {
            return .readwiseCSV
        }
        if columns.contains("url"), columns.contains("document tags"),
            ["saved date", "reading progress", "location"].contains(where: columns.contains) {
            return .readwiseReaderCSV
        }
        let lowercased = text.lowercased()
        if lowercased.contains("<title>pocket export</title>")
            || (lowercased.contains("<h1>unread</h1>") && lowercased.contains("time_added=")) {
            return .pocketHTML
        }
        if lowercased.contains("<!doctype netscape-bookmark-file-1>") || (lowercased.contains("<dl") && containsLinkItem(lowercased)) {
            return .netscapeHTML
        }
        return nil
    }

    /// Whether `text` has a `<dt>` followed by `<a href` (white space allowed between them).
    private static func containsLinkItem(_ text: String) -> Bool {
        var rest = text[...]
        while let item = rest.range(of: "<dt>") {
            rest = rest[item.upperBound...]
            if rest.drop(while: \.isWhitespace).hasPrefix("<a href") { return true }
        }
        return false
    }
}
