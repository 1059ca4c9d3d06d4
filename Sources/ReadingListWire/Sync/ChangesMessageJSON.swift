import Foundation
import ReadingListModel

/// The `changes` message (SPEC.md §6.1), written and read byte by byte.
///
/// A page carries up to 10,000 field changes; through `Codable`, encoding and decoding them
/// took most of a first sync. The shape is the one ``SyncCodec`` documents: keys in sorted
/// order, rows grouped by row and stamp, replica ids listed once.
enum ChangesMessageJSON {
    // MARK: - Encoding

    /// The page as one line of JSON.
    /// - Parameter compact: writes compact rows (SPEC.md §6.1): key parts that occur more than
    ///   once go into `ids` and are referred to by index, and a row leaves out `e`, `t` and `r`
    ///   where they equal the row before's.
    static func encode(_ page: ChangePage, compact: Bool = false) -> Data {
        var replicaIndex: [String: Int] = [:]
        var replicas: [String] = []
        var rows: [Row] = []
        for change in page.changes {
            let replica = replicaIndex[change.stamp.replicaID] ?? {
                replicaIndex[change.stamp.replicaID] = replicas.count
                replicas.append(change.stamp.replicaID)
                return replicas.count - 1
            }()
            if let last = rows.last, last.entity == change.entity, last.key == change.key, last.timestamp == change.stamp.timestamp,
                last.replica == replica, !last.fields.contains(where: { $0.name == change.field })
            {
                rows[rows.count - 1].fields.append((change.field, change.value))
            } else {
                rows.append(Row(entity: change.entity, key: change.key, timestamp: change.stamp.timestamp, replica: replica,
                                fields: [(change.field, change.value)]))
            }
        }
        let (ids, idIndex) = compact ? repeatedKeyParts(of: rows) : ([], [:])
        var out = JSONByteWriter(capacity: page.changes.count * 96 + 256)
        out.raw("{\"after\":")
        out.string(String(page.afterSequence))
        if let end = page.feedEnd {
            out.raw(",\"end\":")
            out.string(String(end))
        }
        if !ids.isEmpty {
            out.raw(",\"ids\":[")
            for (index, id) in ids.enumerated() {
                if index > 0 { out.raw(",") }
                out.string(id)
            }
            out.raw("]")
        }
        out.raw(page.hasMore ? ",\"more\":true,\"replicas\":[" : ",\"more\":false,\"replicas\":[")
        for (index, replica) in replicas.enumerated() {
            if index > 0 { out.raw(",") }
            out.string(replica)
        }
        out.raw("],\"rows\":[")
        for index in rows.indices {
            let row = rows[index]
            // What a compact row takes from the row before (compared in place, not copied).
            let inherits = compact && index > 0
            let sameEntity = inherits && rows[index - 1].entity == row.entity
            let sameReplica = inherits && rows[index - 1].replica == row.replica
            let sameStamp = inherits && rows[index - 1].timestamp == row.timestamp
            out.raw(index > 0 ? ",{" : "{")
            if !sameEntity {
                out.raw("\"e\":")
                out.string(row.entity)
                out.raw(",")
            }
            out.raw("\"f\":{")
            let fields = row.fields.count > 1 ? row.fields.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) } : row.fields
            for (position, field) in fields.enumerated() {
                if position > 0 { out.raw(",") }
                out.string(field.name)
                out.raw(":")
                switch field.value {
                case .null: out.raw("null")
                case .bool(let flag): out.raw(flag ? "true" : "false")
                case .integer(let number): out.raw(String(number))
                case .text(let text): out.string(text)
                }
            }
            out.raw("},\"k\":[")
            for (position, part) in row.key.enumerated() {
                if position > 0 { out.raw(",") }
                if let id = idIndex[part] { out.raw(String(id)) } else { out.string(part) }
            }
            out.raw("]")
            if !sameReplica {
                out.raw(",\"r\":")
                out.raw(String(row.replica))
            }
            if !sameStamp {
                out.raw(",\"t\":")
                out.string(row.timestamp.description)
            }
            out.raw("}")
        }
        out.raw("],\"to\":")
        out.string(String(page.toSequence))
        out.raw(",\"type\":\"changes\"}")
        return out.data
    }

    /// The key parts that occur more than once in `rows`, in the order they first occur, and
    /// the index of each.
    private static func repeatedKeyParts(of rows: [Row]) -> (ids: [String], index: [String: Int]) {
        var occurrences: [String: Int] = [:]
        var order: [String] = []
        for row in rows {
            for part in row.key {
                let count = occurrences[part, default: 0]
                if count == 0 { order.append(part) }
                occurrences[part] = count + 1
            }
        }
        var ids: [String] = []
        var index: [String: Int] = [:]
        for part in order where occurrences[part, default: 0] > 1 {
            index[part] = ids.count
            ids.append(part)
        }
        return (ids, index)
    }

    private struct Row {
        var entity: String
        var key: [String]
        var timestamp: HybridTimestamp
        var replica: Int
        var fields: [(name: String, value: FieldValue)]
    }

    // MARK: - Decoding

    /// A row as read, before its replica index and key parts are looked up; `e`, `t` and `r`
    /// may be left out of a compact row (SPEC.md §6.1).
    private struct ReadRow {
        var entity: String?
        var key: [KeyPart]?
        var clock: String?
        var replica: Int64?
        var fields: [(name: String, value: FieldValue)]?
    }

    /// A part of a row's key as written: a string, or an index into the page's `ids`.
    private enum KeyPart {
        case text(String)
        case index(Int64)
    }

    /// Decodes a `changes` message, or returns `nil` for a message of another type.
    /// - Throws: ``SyncFailure`` `bad_message` naming what is wrong. A message of another type
    ///   may also fail here, on keys it does not define; read it as its type says.
    static func decodeIfChanges(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyncFailure) -> ChangePage? {
        var reader = JSONByteReader(bytes)
        guard try reader.peekKind() == .object else { throw SyncFailure(.badMessage, "A message must be a JSON object.") }
        var type: String?
        var after: String?
        var to: String?
        var more: Bool?
        var end: String?
        var replicas: [String]?
        var ids: [String] = []
        var rows: [ReadRow]?
        try reader.readObject { reader, key throws(SyncFailure) in
            switch key {
            case "ids":
                guard try reader.peekKind() == .array else { throw wrongType("ids") }
                try reader.readArray { reader throws(SyncFailure) in ids.append(try string(&reader, "ids")) }
            case "type": type = try string(&reader, "type")
            case "after": after = try string(&reader, "after")
            case "to": to = try string(&reader, "to")
            case "end":
                if try reader.peekKind() == .null { try reader.readNull() } else { end = try string(&reader, "end") }
            case "more":
                let kind = try reader.peekKind()
                guard kind == .true || kind == .false else { throw wrongType("more") }
                more = try reader.readBool()
            case "replicas":
                var list: [String] = []
                guard try reader.peekKind() == .array else { throw wrongType("replicas") }
                try reader.readArray { reader throws(SyncFailure) in list.append(try string(&reader, "replicas")) }
                replicas = list
            case "rows":
                var list: [ReadRow] = []
                guard try reader.peekKind() == .array else { throw wrongType("rows") }
                try reader.readArray { reader throws(SyncFailure) in list.append(try row(&reader, number: list.count + 1)) }
                rows = list
            default: try reader.skipValue()
            }
        }
        try reader.expectEnd()
        guard type == "changes" else { return nil }
        guard let after else { throw missing("after") }
        guard let to else { throw missing("to") }
        guard let more else { throw missing("more") }
        guard let replicas else { throw missing("replicas") }
        guard let rows else { throw missing("rows") }
        let afterSequence = try sequence(after, "after")
        let toSequence = try sequence(to, "to")
        guard toSequence >= afterSequence else { throw SyncFailure(.badMessage, "\"to\" (\(to)) is before \"after\" (\(after)).") }
        for replica in replicas where !FieldChange.isLowercaseUUID(replica) {
            throw SyncFailure(.badMessage, "\"replicas\" must be a lowercase UUID, not \"\(replica)\".")
        }
        for id in ids where !FieldChange.isValidKeyPart(id) {
            throw SyncFailure(.badMessage, "\"ids\" must hold key parts of 1–256 printable ASCII characters without spaces, not \"\(id)\".")
        }
        var changes: [FieldChange] = []
        changes.reserveCapacity(rows.count * 2)
        // What a compact row leaves out, it takes from the row before (SPEC.md §6.1).
        var entity = ""
        var clock = ""
        var replica: Int64 = 0
        var stamp: ChangeStamp?
        for (index, row) in rows.enumerated() {
            let number = index + 1
            if let written = row.entity { entity = written } else if index == 0 { throw missing("e", row: number) }
            guard let parts = row.key else { throw missing("k", row: number) }
            if let written = row.clock { clock = written } else if index == 0 { throw missing("t", row: number) }
            if let written = row.replica { replica = written } else if index == 0 { throw missing("r", row: number) }
            guard let fields = row.fields else { throw missing("f", row: number) }
            if stamp == nil || row.clock != nil || row.replica != nil {
                guard isHex16(clock), let raw = UInt64(clock, radix: 16) else {
                    throw SyncFailure(.badMessage, "Row \(number): \"t\" must be 16 lowercase hex digits, not \"\(clock)\".")
                }
                guard replica >= 0, replica < replicas.count else {
                    throw SyncFailure(.badMessage, "Row \(number): \"r\" (\(replica)) is not an index into \"replicas\".")
                }
                stamp = ChangeStamp(timestamp: HybridTimestamp(rawValue: raw), replicaID: replicas[Int(replica)])
            }
            guard !fields.isEmpty else { throw SyncFailure(.badMessage, "Row \(number) has no fields.") }
            guard row.entity == nil || FieldChange.isValidName(entity), fields.allSatisfy({ FieldChange.isValidName($0.name) }) else {
                throw SyncFailure(.badMessage, "Row \(number): entity and field names must be 1–64 letters, digits or underscores, not starting with a digit.")
            }
            var key: [String] = []
            key.reserveCapacity(parts.count)
            for part in parts {
                switch part {
                case .text(let text): key.append(text)
                case .index(let position):
                    guard position >= 0, position < ids.count else {
                        throw SyncFailure(.badMessage, "Row \(number): \"k\" refers to id \(position), but \"ids\" has \(ids.count).")
                    }
                    key.append(ids[Int(position)])
                }
            }
            guard FieldChange.isValidKey(key) else {
                throw SyncFailure(.badMessage, "Row \(number): \"k\" must be 1–4 strings of 1–256 printable ASCII characters without spaces.")
            }
            guard let stamp else { preconditionFailure("the first row's stamp is read above") }
            let sorted = fields.count > 1 ? fields.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) } : fields
            for field in sorted {
                changes.append(FieldChange(entity: entity, key: key, field: field.name, value: field.value, stamp: stamp))
            }
        }
        return ChangePage(
            changes: changes, afterSequence: afterSequence, toSequence: toSequence, hasMore: more,
            feedEnd: try end.map { text throws(SyncFailure) in try sequence(text, "end") })
    }

    private static func row(_ reader: inout JSONByteReader, number: Int) throws(SyncFailure) -> ReadRow {
        guard try reader.peekKind() == .object else { throw SyncFailure(.badMessage, "Malformed message: wrong type at rows.\(number - 1).") }
        var row = ReadRow()
        try reader.readObject { reader, key throws(SyncFailure) in
            switch key {
            case "e": row.entity = try string(&reader, "rows.\(number - 1).e")
            case "t": row.clock = try string(&reader, "rows.\(number - 1).t")
            case "k":
                guard try reader.peekKind() == .array else { throw wrongType("rows.\(number - 1).k") }
                var parts: [KeyPart] = []
                try reader.readArray { reader throws(SyncFailure) in
                    switch try reader.peekKind() {
                    case .string: parts.append(.text(try reader.readString()))
                    case .number:
                        guard let position = try reader.readNumber() else {
                            throw SyncFailure(.badMessage, "Row \(number): an index in \"k\" must be an integer.")
                        }
                        parts.append(.index(position))
                    default: throw wrongType("rows.\(number - 1).k")
                    }
                }
                row.key = parts
            case "r":
                guard try reader.peekKind() == .number, let index = try reader.readNumber() else { throw wrongType("rows.\(number - 1).r") }
                row.replica = index
            case "f":
                guard try reader.peekKind() == .object else { throw wrongType("rows.\(number - 1).f") }
                var fields: [(name: String, value: FieldValue)] = []
                try reader.readObject { reader, name throws(SyncFailure) in fields.append((name, try value(&reader))) }
                row.fields = fields
            default: try reader.skipValue()
            }
        }
        return row
    }

    private static func value(_ reader: inout JSONByteReader) throws(SyncFailure) -> FieldValue {
        switch try reader.peekKind() {
        case .null:
            try reader.readNull()
            return .null
        case .true, .false: return .bool(try reader.readBool())
        case .number:
            guard let number = try reader.readNumber(), (-FieldChange.maxWireInteger...FieldChange.maxWireInteger).contains(number) else {
                throw SyncFailure(.badMessage, "Integer values must lie within ±2^53 and have no fraction or exponent.")
            }
            return .integer(number)
        case .string:
            let text = try reader.readString()
            guard !FieldChange.containsNUL(text) else { throw SyncFailure(.badMessage, "Text values must not contain U+0000.") }
            return .text(text)
        case .object, .array:
            throw SyncFailure(.badMessage, "A field value must be null, a boolean, an integer or a string.")
        }
    }

    private static func string(_ reader: inout JSONByteReader, _ name: String) throws(SyncFailure) -> String {
        guard try reader.peekKind() == .string else { throw wrongType(name) }
        return try reader.readString()
    }

    private static func wrongType(_ path: String) -> SyncFailure {
        SyncFailure(.badMessage, "Malformed message: wrong type at \(path).")
    }

    private static func missing(_ key: String, row: Int? = nil) -> SyncFailure {
        SyncFailure(.badMessage, "Malformed message: missing \"\(key)\"\(row.map { " at rows.\($0 - 1)" } ?? "").")
    }
}

/// A JSON text built in a byte buffer.
struct JSONByteWriter {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written.
    var data: Data { Data(bytes) }

    /// Appends `text` as it is (JSON punctuation, numbers, literals).
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `text` as it is.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes and control characters.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    raw("\\u00")
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
