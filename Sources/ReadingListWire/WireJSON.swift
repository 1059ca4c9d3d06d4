public import Foundation

/// The one JSON configuration of readlist: sorted keys, two-space indentation, unescaped
/// slashes, a final newline. Equal values always encode to equal bytes.
public enum WireJSON {
    /// The encoder's formatting: sorted keys, two-space indentation, unescaped slashes.
    public static let outputFormatting: JSONEncoder.OutputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]

    /// Encodes `value` as pretty-printed, key-sorted JSON followed by a newline.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = outputFormatting
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes a value of `type` from `data`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
