import Foundation

/// An item of a metadata file, or why it could not be read: one bad item does not spoil the
/// others.
struct OmnivoreItemSlot: Decodable {
    let item: Result<OmnivoreItem, DecodingError>

    init(from decoder: any Decoder) throws {
        do {
            item = .success(try OmnivoreItem(from: decoder))
        } catch let error as DecodingError {
            item = .failure(error)
        }
    }
}
