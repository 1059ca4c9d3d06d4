import Foundation
import ReadingListModel
import ReadingListStorage
import ReadingListWire

/// Reads the page a `pull` asks for, and holds its encoded message to the pull's byte bound
/// (SPEC.md §6.1): a page that encodes larger is read again with half the changes, down to a
/// single feed entry. `compactRows` encodes it compactly, for a puller that listed
/// `compact-rows`.
enum PageReader {
    static func page(
        _ library: ReadingLibrary, for pull: SyncMessage.Pull, puller: String, pageLimit: Int, pageBytes: Int, compactRows: Bool
    ) throws -> (page: ChangePage, encoded: Data) {
        let maxBytes = min(pull.maxBytes ?? pageBytes, pageBytes)
        var limit = min(pull.limit, pageLimit)
        while true {
            let page = try library.changes(
                after: pull.after, limit: limit, maxBytes: maxBytes, excluding: pull.includeOwn ? nil : puller)
            let encoded = SyncCodec.encode(.changes(SyncMessage.Changes(page: page)), compactRows: compactRows)
            if encoded.count <= maxBytes || page.changes.count <= 1 || limit == 1 { return (page, encoded) }
            limit = max(1, min(limit - 1, page.changes.count / 2))
        }
    }
}
