import GRDB

/// How concurrent values of one field are resolved. See `Protocol/SPEC.md` §3.
enum MergeRule: Sendable {
    /// The value with the greater `(timestamp, replica)` stamp wins.
    case lastWriterWins
    /// The smaller value wins (first save time); equal values keep the greater stamp.
    case earliestValueWins
    /// Existence of a row: last writer wins, and on an exact tie `false` (deleted) wins.
    case existenceDeleteWins
    /// Membership: last writer wins, and on an exact tie `true` (present) wins.
    case existenceAddWins
}

/// The type of a synced field's values.
enum FieldKind: Sendable {
    case boolean, integer, text
}

/// A field of a synced table: its stable index, wire name, column, merge rule and value type.
///
/// A class: every merged or written value carries its field along, and copying a reference
/// costs less than copying two strings.
final class SyncedField: Sendable, Hashable {
    let index: UInt8
    let name: String
    let column: String
    let rule: MergeRule
    let kind: FieldKind
    /// Whether the field may hold null (its column is nullable).
    let nullable: Bool

    init(index: UInt8, name: String, column: String, rule: MergeRule, kind: FieldKind = .text, nullable: Bool = false) {
        self.index = index
        self.name = name
        self.column = column
        self.rule = rule
        self.kind = kind
        self.nullable = nullable
    }

    static func == (lhs: SyncedField, rhs: SyncedField) -> Bool { lhs.index == rhs.index && lhs.column == rhs.column }
    func hash(into hasher: inout Hasher) { hasher.combine(column) }
}

/// A table whose rows are synced field by field. Field indexes never change once shipped.
struct SyncedEntity: Sendable {
    let code: Int
    let name: String
    let table: String
    let keyColumns: [String]
    let fields: [SyncedField]
    /// A local integer column set once, when the row is inserted, to its first change-feed
    /// sequence: a stable key for the search index (which needs an integer key).
    var searchKeyColumn: String? = nil

    static let article = SyncedEntity(
        code: 1, name: "article", table: "article", keyColumns: ["id"],
        fields: [
            SyncedField(index: 0, name: "_alive", column: "alive", rule: .existenceDeleteWins, kind: .boolean),
            SyncedField(index: 1, name: "url", column: "url", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 2, name: "canonicalUrl", column: "canonical_url", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 3, name: "title", column: "title", rule: .lastWriterWins),
            SyncedField(index: 4, name: "byline", column: "byline", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 5, name: "site", column: "site", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 6, name: "excerpt", column: "excerpt", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 7, name: "content", column: "content", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 8, name: "language", column: "language", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 9, name: "publishedAt", column: "published_at", rule: .lastWriterWins, kind: .integer, nullable: true),
            SyncedField(index: 10, name: "wordCount", column: "word_count", rule: .lastWriterWins, kind: .integer),
            SyncedField(index: 11, name: "addedAt", column: "added_at", rule: .earliestValueWins, kind: .integer, nullable: true),
            SyncedField(index: 12, name: "readAt", column: "read_at", rule: .lastWriterWins, kind: .integer, nullable: true),
            SyncedField(index: 13, name: "archived", column: "archived", rule: .lastWriterWins, kind: .boolean),
            SyncedField(index: 14, name: "favorite", column: "favorite", rule: .lastWriterWins, kind: .boolean),
            SyncedField(index: 15, name: "progress", column: "progress", rule: .lastWriterWins, kind: .integer),
        ],
        searchKeyColumn: "search_id")

    static let tag = SyncedEntity(
        code: 2, name: "tag", table: "tag", keyColumns: ["id"],
        fields: [
            SyncedField(index: 0, name: "_alive", column: "alive", rule: .existenceDeleteWins, kind: .boolean),
            SyncedField(index: 1, name: "name", column: "name", rule: .lastWriterWins),
        ])

    static let articleTag = SyncedEntity(
        code: 3, name: "articleTag", table: "article_tag", keyColumns: ["article_id", "tag_id"],
        fields: [SyncedField(index: 0, name: "_alive", column: "alive", rule: .existenceAddWins, kind: .boolean)])

    static let highlight = SyncedEntity(
        code: 4, name: "highlight", table: "highlight", keyColumns: ["id"],
        fields: [
            SyncedField(index: 0, name: "_alive", column: "alive", rule: .existenceDeleteWins, kind: .boolean),
            SyncedField(index: 1, name: "articleId", column: "article_id", rule: .lastWriterWins),
            SyncedField(index: 2, name: "quote", column: "quote", rule: .lastWriterWins),
            SyncedField(index: 3, name: "prefix", column: "prefix", rule: .lastWriterWins),
            SyncedField(index: 4, name: "suffix", column: "suffix", rule: .lastWriterWins),
            SyncedField(index: 5, name: "start", column: "start_offset", rule: .lastWriterWins, kind: .integer),
            SyncedField(index: 6, name: "end", column: "end_offset", rule: .lastWriterWins, kind: .integer),
            SyncedField(index: 7, name: "note", column: "note", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 8, name: "color", column: "color", rule: .lastWriterWins, nullable: true),
            SyncedField(index: 9, name: "createdAt", column: "created_at", rule: .lastWriterWins, kind: .integer),
        ])

    /// Whether rows of this entity decide an article's tags' names (tags and memberships).
    var namesTags: Bool { code == Self.tag.code || code == Self.articleTag.code }

    /// Every synced entity, by code.
    static let all: [SyncedEntity] = [.article, .tag, .articleTag, .highlight]

    /// The entity called `name` on the wire.
    static func named(_ name: String) -> SyncedEntity? { all.first { $0.name == name } }

    /// The SQL condition selecting one row by its key columns, with a parameter for each.
    var keyCondition: String { keyColumns.map { "\($0) = ?" }.joined(separator: " AND ") }

    /// The field called `name` on the wire.
    func field(named name: String) -> SyncedField? { fields.first { $0.name == name } }

    /// The field stored in `column`. Traps on a programming error (unknown column).
    func field(_ column: String) -> SyncedField {
        guard let field = fields.first(where: { $0.column == column }) else {
            preconditionFailure("\(table) has no synced column \(column)")
        }
        return field
    }
}
