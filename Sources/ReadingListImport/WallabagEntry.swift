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

    /// A state written as `true`/`false`, `1`/`0` or `"1"`/`"0"`; `null` is false.
    struct Flag: Decodable {
        var value: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = false
            } else if let bool = try? container.decode(Bool.self) {
                value = bool
            } else if let number = try? container.decode(Int.self), number == 0 || number == 1 {
                value = number == 1
            } else if let text = try? container.decode(String.self), ["0", "1", "true", "false"].contains(text) {
                value = text == "1" || text == "true"
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "is not true, false, 1 or 0"))
            }
        }
    }

    /// Names written as a list of strings or as one string.
    struct Names: Decodable {
        var names: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                names = []
            } else if let name = try? container.decode(String.self) {
                names = [name]
            } else {
                names = try container.decode([String].self)
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
    var tags: [String]?
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
