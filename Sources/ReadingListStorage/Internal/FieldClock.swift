import Foundation
import ReadingListModel

/// The stamp of one field's current value: when and where it was written, and the local change
/// sequence at which this replica last took a new value for it.
struct FieldStamp: Sendable, Hashable {
    var timestamp: HybridTimestamp
    /// Ordinal of the writing replica in this file's `replica` table.
    var replica: Int
    /// Local change-feed sequence of the write.
    var sequence: Int64
}

/// The per-field stamps of one row, packed into one BLOB column (`clock`).
///
/// Layout, per field in ascending index order: field index (1 byte), timestamp (8 bytes, big
/// endian), replica ordinal (LEB128), sequence (LEB128). Local to this file; never on the wire.
/// Held as a list in field order: a row has at most 16 fields, and every feed read and merge
/// unpacks a clock, so a list beats a dictionary.
struct FieldClock: Sendable, Hashable {
    /// The stamps by field index, in ascending field order.
    private(set) var entries: [(field: UInt8, stamp: FieldStamp)] = []

    init() {}

    init(packed data: Data) throws {
        entries = try data.withUnsafeBytes { bytes in
            var entries: [(field: UInt8, stamp: FieldStamp)] = []
            entries.reserveCapacity(bytes.count / 11)
            var offset = 0
            func byte() throws -> UInt8 {
                guard offset < bytes.count else { throw FieldClockError.truncated }
                defer { offset += 1 }
                return bytes[offset]
            }
            func varint() throws -> UInt64 {
                var result: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    let next = try byte()
                    result |= UInt64(next & 0x7F) << shift
                    if next & 0x80 == 0 { return result }
                    shift += 7
                    if shift > 63 { throw FieldClockError.truncated }
                }
            }
            while offset < bytes.count {
                let field = try byte()
                var timestamp: UInt64 = 0
                for _ in 0..<8 { timestamp = timestamp << 8 | UInt64(try byte()) }
                let replica = try varint()
                let sequence = try varint()
                let stamp = FieldStamp(
                    timestamp: HybridTimestamp(rawValue: timestamp), replica: Int(replica), sequence: Int64(bitPattern: sequence))
                if let last = entries.last, last.field >= field {
                    // Written in ascending order; keep any other order working (the later value wins).
                    var clock = FieldClock()
                    clock.entries = entries
                    clock[field] = stamp
                    entries = clock.entries
                } else {
                    entries.append((field, stamp))
                }
            }
            return entries
        }
    }

    subscript(field: UInt8) -> FieldStamp? {
        get { entries.first { $0.field == field }?.stamp }
        set {
            let position = entries.firstIndex { $0.field >= field } ?? entries.endIndex
            if position < entries.endIndex, entries[position].field == field {
                if let newValue { entries[position].stamp = newValue } else { entries.remove(at: position) }
            } else if let newValue {
                entries.insert((field, newValue), at: position)
            }
        }
    }

    var packed: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 13)
        func append(varint value: UInt64) {
            var value = value
            repeat {
                let low = UInt8(value & 0x7F)
                value >>= 7
                bytes.append(value == 0 ? low : low | 0x80)
            } while value != 0
        }
        for (field, stamp) in entries {
            bytes.append(field)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: stamp.timestamp.rawValue >> UInt64(shift)))
            }
            append(varint: UInt64(stamp.replica))
            append(varint: UInt64(bitPattern: stamp.sequence))
        }
        return Data(bytes)
    }

    static func == (lhs: FieldClock, rhs: FieldClock) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.field == $1.field && $0.stamp == $1.stamp }
    }

    func hash(into hasher: inout Hasher) {
        for (field, stamp) in entries {
            hasher.combine(field)
            hasher.combine(stamp)
        }
    }
}

enum FieldClockError: Error {
    case truncated
}
