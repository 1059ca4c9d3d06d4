import Foundation

/// A parsed Content-Type value: `type/subtype; name=value`.
public struct MediaType: Sendable, Hashable {
    /// `type/subtype`, lowercased.
    public var essence: String
    /// Parameter names (lowercased) and their values, unquoted.
    public var parameters: [String: String]

    /// Parses a Content-Type header value; `nil` when there is none or it has no `type/subtype`.
    public init?(_ header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let essence = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard essence.contains("/"), !essence.hasPrefix("/"), !essence.hasSuffix("/") else { return nil }
        self.essence = essence
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
        }
        self.parameters = parameters
    }

    /// The `charset` parameter, if present and not empty.
    public var charset: String? { parameters["charset"].flatMap { $0.isEmpty ? nil : $0 } }
}
