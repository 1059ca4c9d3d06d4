import Foundation
import ReadingListModel

extension TagName {
    /// The tag's id as stored in the `tag` table.
    var rowID: String { id.lowercaseText }
}
