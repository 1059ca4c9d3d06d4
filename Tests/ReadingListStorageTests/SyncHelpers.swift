import Foundation
import ReadingListModel
@testable import ReadingListStorage

/// Pulls every change of `source` after `cursor` into `target`, in pages of `pageSize`.
/// - Returns: the new cursor.
@discardableResult
func pull(
    from source: ReadingLibrary, into target: ReadingLibrary, after cursor: Int64 = 0, pageSize: Int = 2_000, excluding: String? = nil
) throws -> Int64 {
    var cursor = cursor
    while true {
        let page = try source.changes(after: cursor, limit: pageSize, excluding: excluding)
        try target.apply(page.changes)
        cursor = page.toSequence
        if !page.hasMore { return cursor }
    }
}

/// A canonical dump of what a library shows: every saved article with content, tags and
/// highlights (ids included), for comparing replicas.
func dump(_ library: ReadingLibrary) throws -> [Article] {
    try library.exportArticles()
}
