import GRDB

/// The replicas whose stamps appear in a library file, by ordinal.
enum ReplicaDirectory {
    /// Replica ids by ordinal.
    static func ids(_ db: Database) throws -> [Int: String] {
        var ids: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT ordinal, replica_id FROM replica") {
            ids[row["ordinal"]] = row["replica_id"]
        }
        return ids
    }
}
