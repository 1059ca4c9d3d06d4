import Foundation

/// Sync metadata against user data, in bytes of a prepared library file (no bodies; nothing is
/// timed; no baseline).
///
/// Method: SQLite's `dbstat` virtual table gives the bytes of every table and index b-tree in
/// the file (whole pages, so free space in them counts too). Tables that exist only for sync
/// (the change feed, replicas, peers, the clock, file identity, foreign fields, the feed's
/// AUTOINCREMENT counter) count wholly as metadata, with their indexes. A synced table (article,
/// tag, membership, highlight) holds both in each row: its b-tree's bytes are split in the
/// proportion of the bytes its records give each column (a value's bytes in SQLite's record
/// format plus its type header byte or bytes), the `clock` and `seq` columns to metadata, the
/// keys and user fields to user data, and the columns derived locally for search (`tags`,
/// `search_id`) to neither. Indexes of synced tables count as user data, except the search
/// key's. The full-text index, GRDB's migration table and the schema count as neither.
enum SyncMetadataSizeBenchmark {
    /// Tables that exist only for sync: metadata, with their indexes.
    static let syncTables: Set<String> = [
        "change_feed", "replica", "peer", "library_state", "file_identity", "foreign_field", "sqlite_sequence",
    ]
    /// Tables of synced entities: rows of user data with their sync columns.
    static let syncedTables: Set<String> = ["article", "tag", "article_tag", "highlight"]
    /// A synced row's field clocks and change-feed entry.
    static let syncColumns: Set<String> = ["clock", "seq"]
    /// Columns and indexes derived locally for search, neither metadata nor user data.
    static let localColumns: Set<String> = ["tags", "search_id"]
    static let localIndexes: Set<String> = ["article_by_search_id"]

    static func run(articles: Int, context: BenchContext) throws -> Figure {
        let database = try PlainSQLite(path: try context.libraries.file(articles: articles, bodies: false))
        var owners: [String: String] = [:]
        for row in try database.query("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')") {
            if let name = row[0].text, let table = row[1].text { owners[name] = table }
        }
        var metadata = 0.0
        var clocks = 0.0
        var user = 0.0
        for row in try database.query("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name") {
            guard let name = row[0].text, let bytes = row[1].integer.map(Double.init), let table = owners[name] else { continue }
            if syncTables.contains(table) {
                metadata += bytes
            } else if syncedTables.contains(table), name == table {
                let shares = try columnShares(of: table, database)
                clocks += bytes * shares.sync
                user += bytes * shares.user
            } else if syncedTables.contains(table), !localIndexes.contains(name) {
                user += bytes
            }
        }
        let mebibyte = 1_048_576.0
        context.log("  (sync metadata \(Figure.format((metadata + clocks) / mebibyte)) MiB: sync tables \(Figure.format(metadata / mebibyte)), clocks and seq in rows \(Figure.format(clocks / mebibyte)); user data \(Figure.format(user / mebibyte)) MiB)")
        return Figure(
            name: "sync metadata / user data (bytes in the file)", articles: articles, unit: "×",
            samples: [(metadata + clocks) / max(1, user)], baselineSamples: nil, target: .atMost(1))
    }

    /// The shares of a synced table's record bytes in its sync columns and in its user columns.
    private static func columnShares(of table: String, _ database: PlainSQLite) throws -> (sync: Double, user: Double) {
        let columns = try database.query("SELECT name FROM pragma_table_info('\(table)')").compactMap { $0[0].text }
        func total(_ names: [String]) -> String {
            names.isEmpty ? "0" : "TOTAL(" + names.map(recordBytes).joined(separator: " + ") + ")"
        }
        let sync = columns.filter(syncColumns.contains)
        let local = columns.filter(localColumns.contains)
        let userColumns = columns.filter { !syncColumns.contains($0) && !localColumns.contains($0) }
        let row = try database.query("SELECT \(total(sync)), \(total(userColumns)), \(total(local)) FROM \(table)")[0]
        let bytes = row.map { Double($0.integer ?? 0) }
        let all = bytes.reduce(0, +)
        return all > 0 ? (bytes[0] / all, bytes[1] / all) : (0, 0)
    }

    /// An SQL expression: the bytes SQLite's record format gives the value of `column`, header
    /// byte(s) included.
    private static func recordBytes(_ column: String) -> String {
        let size = "length(CAST(\(column) AS BLOB))"
        return """
            (CASE typeof(\(column)) WHEN 'null' THEN 1 WHEN 'real' THEN 9 \
            WHEN 'integer' THEN 1 + CASE WHEN \(column) IN (0, 1) THEN 0 WHEN \(column) BETWEEN -128 AND 127 THEN 1 \
            WHEN \(column) BETWEEN -32768 AND 32767 THEN 2 WHEN \(column) BETWEEN -8388608 AND 8388607 THEN 3 \
            WHEN \(column) BETWEEN -2147483648 AND 2147483647 THEN 4 \
            WHEN \(column) BETWEEN -140737488355328 AND 140737488355327 THEN 6 ELSE 8 END \
            ELSE \(size) + CASE WHEN \(size) < 58 THEN 1 WHEN \(size) < 8186 THEN 2 ELSE 3 END END)
            """
    }
}
