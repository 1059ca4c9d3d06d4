import ReadingListModel

/// One entry of a wallabag v2 JSON export, as decoded: only the keys readlist uses, each
/// optional except `url`, and lenient about what wallabag versions wrote (states as `true` or
/// `1`, authors as a list or one name). Other keys (`id`, `reading_time`, `mimetype`,
/// `preview_picture`, `headers`, an annotation's `ranges`…) are not read, so their types do not
/// matter.
struct WallabagEntry: Decodable {
    /// A highlight: the quoted text and the user's note on it.
    struct Annotation: Decodable {
        var quote: String?
        var text: String?
        var createdAt: String?

        private enum CodingKeys: String, CodingKey {
            case quote, text
            case createdAt = "created_at"
        }
    }

    /// A state written as `true`/`false`, `1`/`0`, or a string of these or `yes`/`no`; `null`
    /// and anything else are false (the entry is kept).
    struct Flag: Decodable {
        var value: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) {
                value = bool
            } else if let number = try? container.decode(Int.self) {
                value = number == 1
            } else if let text = try? container.decode(String.self) {
                value = ["1", "true", "yes"].contains(text.trimmingWhitespace().lowercased())
            } else {
                value = false
            }
        }
    }

    /// Names written as a list or as one string; an element of the list is a string or an
    /// object naming itself by `label`, `name` or `slug` (as wallabag's API writes tags).
    struct Names: Decodable {
        var names: [String]

        /// One name: a string, or an object with a `label`, `name` or `slug`.
        private struct Name: Decodable {
            var text: String?

            private enum CodingKeys: String, CodingKey {
                case label, name, slug
            }

            init(from decoder: any Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) {
                    self.text = text
                    return
                }
                // Anything else (a number, null) is no name; the entry keeps its other tags.
                let object = try? decoder.container(keyedBy: CodingKeys.self)
                text = [CodingKeys.label, .name, .slug].lazy.compactMap { try? object?.decodeIfPresent(String.self, forKey: $0) }.first
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                names = []
            } else if let name = try? container.decode(String.self) {
                names = [name]
            } else {
                names = try container.decode([Name].self).compactMap(\.text)
            }
        }
    }

    var url: String
    var title: String?
    var isArchived: Flag?
    var isStarred: Flag?
    var createdAt: String?
    var publishedAt: String?
    var archivedAt: String?
    var content: String?
    var language: String?
    var publishedBy: Names?
    var tags: Names?
    var annotations: [Annotation]?

    private enum CodingKeys: String, CodingKey {
        case url, title, content, language, tags, annotations
        case isArchived = "is_archived"
        case isStarred = "is_starred"
        case createdAt = "created_at"
        case publishedAt = "published_at"
        case archivedAt = "archived_at"
        case publishedBy = "published_by"
    }
}
