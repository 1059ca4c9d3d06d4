import GRDB
import ReadingListModel

/// The state checksum (SPEC.md §3.6): the sum, modulo 2^64, of the FNV-1a hash of one line per
/// stamped field value.
///
/// A library keeps the sum in `library_state.checksum`, and every write that changes a stamp
/// adjusts it (``ChangeWriter``), so reading it costs nothing however large the library is.
/// ``recount(_:)`` computes it from every row, to set it up and to check it.
enum StateChecksum {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// FNV-1a, 64 bits, of the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        hash(text, continuing: offsetBasis)
    }

    /// The hash state after `"<entity> <key parts joined by ' '> "`, which every line of a row
    /// starts with.
    static func rowPrefix(entity: String, key: [String]) -> UInt64 {
        var state = hash(entity, continuing: offsetBasis)
        for part in key {
            state = hash(" ", continuing: state)
            state = hash(part, continuing: state)
        }
        return hash(" ", continuing: state)
    }

    /// The hash of the line of one field value: `rowPrefix` continued with
    /// `"<field> <hlc as 16 hex digits> <replica id>"`.
    static func term(rowPrefix: UInt64, field: String, timestamp: HybridTimestamp, replicaID: String) -> UInt64 {
        var state = hash(field, continuing: rowPrefix)
        state = (state ^ 0x20) &* prime
        let hexDigits: StaticString = "0123456789abcdef"
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = Int(truncatingIfNeeded: timestamp.rawValue >> UInt64(shift)) & 0xF
            state = (state ^ UInt64(hexDigits.utf8Start[digit])) &* prime
        }
        state = (state ^ 0x20) &* prime
        return hash(replicaID, continuing: state)
    }

    /// The checksum computed from every stamped value in the file.
    static func recount(_ db: Database) throws -> UInt64 {
        let replicaIDs = try ReplicaDirectory.ids(db)
        var total: UInt64 = 0
        for entity in SyncedEntity.all {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(entity.keyColumns.joined(separator: ", ")), clock FROM \(entity.table)")
            while let row = try rows.next() {
                let prefix = rowPrefix(entity: entity.name, key: entity.keyColumns.map { row[$0] as String })
                for (index, stamp) in try FieldClock(packed: row["clock"]).entries {
                    guard let field = entity.fields.first(where: { $0.index == index }), let replica = replicaIDs[stamp.replica]
                    else { continue }
                    total &+= term(rowPrefix: prefix, field: field.name, timestamp: stamp.timestamp, replicaID: replica)
                }
            }
        }
        for change in try ForeignFields.all(db, replicaIDs: replicaIDs) {
            total &+= term(
                rowPrefix: rowPrefix(entity: change.entity, key: change.key), field: change.field,
                timestamp: change.stamp.timestamp, replicaID: change.stamp.replicaID)
        }
        return total
    }

    /// The stored checksum of the file.
    static func stored(_ db: Database) throws -> UInt64 {
        guard let value = try Int64.fetchOne(db, sql: "SELECT checksum FROM library_state") else {
            throw ReadingListError(.storage, "The library has no replica state; it may be damaged.")
        }
        return UInt64(bitPattern: value)
    }

    /// Stores `value` as the file's checksum.
    static func store(_ value: UInt64, _ db: Database) throws {
        try db.execute(sql: "UPDATE library_state SET checksum = ?", arguments: [Int64(bitPattern: value)])
    }

    /// The checksum's text form: 16 lowercase hex digits.
    static func text(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func hash(_ text: String, continuing state: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var state = state
            for byte in bytes {
                state ^= UInt64(byte)
                state = state &* prime
            }
            return state
        }
    }
}
