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
struct FieldClock: Sendable, Hashable {
    private(set) var stamps: [UInt8: FieldStamp] = [:]

    init() {}

    init(packed data: Data) throws {
        var reader = data.makeIterator()
        func byte() throws -> UInt8 {
            guard let value = reader.next() else { throw FieldClockError.truncated }
            return value
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
        while let field = reader.next() {
            var timestamp: UInt64 = 0
            for _ in 0..<8 { timestamp = timestamp << 8 | UInt64(try byte()) }
            let replica = try varint()
            let sequence = try varint()
            stamps[field] = FieldStamp(
                timestamp: HybridTimestamp(rawValue: timestamp), replica: Int(replica),
                sequence: Int64(bitPattern: sequence))
        }
    }

    subscript(field: UInt8) -> FieldStamp? {
        get { stamps[field] }
        set { stamps[field] = newValue }
    }

    var packed: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stamps.count * 13)
        func append(varint value: UInt64) {
            var value = value
            repeat {
                let low = UInt8(value & 0x7F)
                value >>= 7
                bytes.append(value == 0 ? low : low | 0x80)
            } while value != 0
        }
        for (field, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
            bytes.append(field)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: stamp.timestamp.rawValue >> UInt64(shift)))
            }
            append(varint: UInt64(stamp.replica))
            append(varint: UInt64(bitPattern: stamp.sequence))
        }
        return Data(bytes)
    }
}

enum FieldClockError: Error {
    case truncated
}
