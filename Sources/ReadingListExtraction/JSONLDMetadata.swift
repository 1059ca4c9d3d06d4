import Foundation

/// Article metadata read from the page's `<script type="application/ld+json">` blocks
/// (schema.org), as Readability reads them: the first object whose type is an article or a
/// posting (at the top, in a top-level array or in `@graph`) gives the headline, name,
/// author, date, description and publisher. An object with a `@context` must name schema.org.
/// Any organization or web site object may still name the publisher.
struct JSONLDMetadata: Equatable {
    var headline: String?
    /// The article's `name`, which some sites fill with the title when `headline` holds a description.
    var name: String?
    var authorName: String?
    var publisherName: String?
    var datePublished: String?
    var description: String?

    init(scripts: [String]) {
        var article: [String: Any]?
        var otherPublisher: String?
        for script in scripts {
            guard let data = Self.cleanedJSON(script).data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            for object in Self.objects(in: json) {
                let types = Self.types(of: object)
                if article == nil, Self.isArticle(types) {
                    article = object
                } else if otherPublisher == nil, types.contains(where: { ["newsmediaorganization", "website", "organization"].contains($0) }) {
                    otherPublisher = Self.text(object["name"])
                }
            }
        }
        if let article {
            headline = Self.text(article["headline"])
            name = Self.text(article["name"])
            authorName = Self.name(of: article["author"]) ?? Self.name(of: article["creator"])
            datePublished = Self.text(article["datePublished"]) ?? Self.text(article["dateCreated"])
            description = Self.text(article["description"])
            publisherName = Self.name(of: article["publisher"])
        }
        publisherName = publisherName ?? otherPublisher
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

    /// Whether a `@context` (absent, a string, a list, or an object with `@vocab`) names schema.org.
    private static func isSchemaOrg(_ context: Any?) -> Bool {
        guard let context else { return true }
        if let string = context as? String { return string.lowercased().contains("schema.org") }
        if let list = context as? [Any] { return list.contains { isSchemaOrg($0) } }
        if let object = context as? [String: Any] { return (object["@vocab"] as? String)?.lowercased().contains("schema.org") == true }
        return false
    }

    /// The dictionaries of a JSON-LD block: the top-level object (or each object of a top-level
    /// array) and the objects of its `@graph`, for those whose context is schema.org.
    private static func objects(in json: Any) -> [[String: Any]] {
        let top: [[String: Any]] = (json as? [Any])?.compactMap { $0 as? [String: Any] } ?? [json as? [String: Any]].compactMap { $0 }
        var result: [[String: Any]] = []
        for object in top where isSchemaOrg(object["@context"]) {
            result.append(object)
            if let graph = object["@graph"] as? [Any] {
                result += graph.compactMap { $0 as? [String: Any] }
            }
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
