import Foundation

extension DecodingError {
    /// What is wrong, for a message: `readingProgress is not a number` and the like.
    var reason: String {
        /// The field's path in the item (the item's own index in the list left out).
        func field(_ path: [any CodingKey]) -> String {
            let inItem = path.first?.intValue == nil ? path[...] : path.dropFirst()
            let name = inItem.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
            return name.isEmpty ? "the item" : name
        }
        switch self {
        case .typeMismatch(let type, let context):
            return "\(field(context.codingPath)) is not \(Self.article(for: type))"
        case .valueNotFound(let type, let context):
            return "\(field(context.codingPath)) is missing (\(Self.article(for: type)) is needed)"
        case .keyNotFound(let key, _):
            return "\(key.stringValue) is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? context.debugDescription : "\(field(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    private static func article(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
