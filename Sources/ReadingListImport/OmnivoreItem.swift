import Foundation

/// One item of an Omnivore export's `metadata_<n>_to_<m>.json` (readitlater.md §2.6). Every
/// field may be missing or `null`; `labels` holds names, or objects with a `name` (as some
/// versions write them); `readingProgress` is a percentage.
struct OmnivoreItem: Decodable {
    var id: String?
    var slug: String?
    var title: String?
    var description: String?
    var author: String?
    var url: String?
    var state: String?
    var readingProgress: Double?
    var labels: [String]
    var savedAt: String?
    var publishedAt: String?

    private enum CodingKeys: String, CodingKey {
        case id, slug, title, description, author, url, state, readingProgress, labels, savedAt, publishedAt
    }

    /// A label: a name, or an object with a `name`.
    private struct Label: Decodable {
        var name: String?

        private enum CodingKeys: String, CodingKey { case name }

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.name = name
            } else {
                name = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .name)
            }
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        slug = try container.decodeIfPresent(String.self, forKey: .slug)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        state = try container.decodeIfPresent(String.self, forKey: .state)
        readingProgress = try container.decodeIfPresent(Double.self, forKey: .readingProgress)
        labels = try (container.decodeIfPresent([Label].self, forKey: .labels) ?? []).compactMap(\.name)
        savedAt = try container.decodeIfPresent(String.self, forKey: .savedAt)
        publishedAt = try container.decodeIfPresent(String.self, forKey: .publishedAt)
    }
}
