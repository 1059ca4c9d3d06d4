import Foundation

/// Article metadata read from the page's `<script type="application/ld+json">` blocks
/// (schema.org). Only objects whose type is an article or blog posting contribute the
/// headline, author, date and description; any object may name the publisher.
struct JSONLDMetadata: Equatable {
    var headline: String?
    /// The article's `name`, which some sites fill with the title when `headline` holds a description.
    var name: String?
    var authorName: String?
    var publisherName: String?
    var datePublished: String?
    var description: String?

    init(scripts: [String]) {
        for script in scripts {
            guard let data = Self.cleanedJSON(script).data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for object in Self.objects(in: json, depth: 0) {
                absorb(object)
            }
        }
    }

    private mutating func absorb(_ object: [String: Any]) {
        let types = Self.types(of: object)
        if Self.isArticle(types) {
            headline = headline ?? Self.text(object["headline"])
            name = name ?? Self.text(object["name"])
            authorName = authorName ?? Self.name(of: object["author"]) ?? Self.name(of: object["creator"])
            datePublished = datePublished ?? Self.text(object["datePublished"]) ?? Self.text(object["dateCreated"])
            description = description ?? Self.text(object["description"])
            publisherName = publisherName ?? Self.name(of: object["publisher"])
        } else if types.contains(where: { $0 == "newsmediaorganization" || $0 == "website" }) {
            publisherName = publisherName ?? Self.text(object["name"])
        }
    }

    private static func isArticle(_ types: [String]) -> Bool {
        types.contains { type in
            type.hasSuffix("article") || type.hasSuffix("posting") || type == "report" || type == "reportagenews"
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        let raw: [Any]
        if let list = object["@type"] as? [Any] { raw = list } else { raw = [object["@type"] as Any] }
        return raw.compactMap { ($0 as? String)?.lowercased().split(separator: "/").last.map(String.init) }
    }

    /// Every dictionary in the JSON, looking through arrays, `@graph` and `mainEntity`.
    private static func objects(in json: Any, depth: Int) -> [[String: Any]] {
        guard depth < 8 else { return [] }
        if let array = json as? [Any] {
            return array.flatMap { objects(in: $0, depth: depth + 1) }
        }
        guard let object = json as? [String: Any] else { return [] }
        var result = [object]
        for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
            if let nested = object[key] { result += objects(in: nested, depth: depth + 1) }
        }
        return result
    }

    private static func text(_ value: Any?) -> String? {
        if let string = value as? String {
            let cleaned = ResidualEntityDecoder.decode(string).collapsingWhitespace()
            return cleaned.isEmpty ? nil : cleaned
        }
        if let array = value as? [Any] { return array.lazy.compactMap { text($0) }.first }
        return nil
    }

    /// The name of a person or organization given as a string, an object or a list of them.
    private static func name(of value: Any?) -> String? {
        if let array = value as? [Any] {
            let names = array.compactMap { name(of: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        if let object = value as? [String: Any] { return text(object["name"]) }
        guard let string = text(value), !string.hasPrefix("http") else { return nil }
        return string
    }

    /// The script's text without HTML comment or CDATA wrappers some pages add around JSON.
    private static func cleanedJSON(_ script: String) -> String {
        var text = script.trimmingWhitespace()
        for wrapper in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if text.hasPrefix(wrapper.0) { text = String(text.dropFirst(wrapper.0.count)) }
            if text.hasSuffix(wrapper.1) { text = String(text.dropLast(wrapper.1.count)) }
        }
        return text.trimmingWhitespace()
    }
}
