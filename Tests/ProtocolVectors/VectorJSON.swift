public import Foundation

/// Any JSON value, keeping integers exact (numbers that are not 64-bit integers as `Decimal`,
/// so that 2^64 is sent as 18446744073709551616, not rounded to a double).
public enum VectorJSON: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Decimal)
    case string(String)
    case array([VectorJSON])
    case object([String: VectorJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([VectorJSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: VectorJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// Parses one JSON text.
    public static func parse(_ data: Data) throws -> VectorJSON {
        try JSONDecoder().decode(VectorJSON.self, from: data)
    }

    /// One line of JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Sorted keys, no spaces: equal, compared as UTF-8 bytes, exactly when the values are.
    public var canonical: String {
        (try? encoded()).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }
}
