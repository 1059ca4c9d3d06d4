import Foundation
import ReadingListModel

extension JSONElementScanner.Element {
    /// The element decoded as `type`, or a problem on its line saying, in words, what is wrong
    /// with it, after `record` (which names the element: "entry 3", "article 3"):
    /// `entry 3: url is not a string (it is a number)`, `entry 3: annotations[0].quote is missing`.
    func decode<T: Decodable>(_ type: T.Type, record: String) -> Result<T, ImportProblem> {
        do {
            return .success(try JSONDecoder().decode(type, from: bytes))
        } catch let error as DecodingError {
            return .failure(ImportProblem(line: line, reason: "\(record): \(reason(for: error))"))
        } catch {
            return .failure(ImportProblem(line: line, reason: "\(record): cannot be read (\(error))"))
        }
    }

    /// What `error` means, in words.
    func reason(for error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let path = Self.path(context.codingPath)
            let found = Self.found(in: context).map { " (\($0))" } ?? ""
            return path.isEmpty ? "not \(Self.name(of: type))\(found)" : "\(path) is not \(Self.name(of: type))\(found)"
        case .valueNotFound(let type, let context):
            let path = Self.path(context.codingPath)
            return path.isEmpty ? "null" : "\(path) is null (it must be \(Self.name(of: type)))"
        case .keyNotFound(let key, let context):
            return "\(Self.path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            let path = Self.path(context.codingPath)
            guard path.isEmpty else {
                let description = context.debugDescription
                return description.hasPrefix("is ") ? "\(path) \(description)" : "\(path): \(description)"
            }
            return "not valid JSON\(syntaxDetail().map { " (\($0))" } ?? "")"
        @unknown default:
            return "cannot be read (\(error))"
        }
    }

    /// Why the element is not valid JSON, as Foundation's parser tells (its character offset
    /// turned into a line of the file), or `nil` when it does not say.
    private func syntaxDetail() -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
            return nil
        } catch {
            guard var detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            if detail.hasSuffix(".") { detail.removeLast() }
            if let marker = detail.range(of: "around character "), let offset = Int(detail[marker.upperBound...]) {
                let newlines = bytes.prefix(offset).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                detail = detail[..<marker.lowerBound] + "on line \(line + newlines)"
            }
            return detail.prefix(1).lowercased() + detail.dropFirst()
        }
    }

    /// A coding path as `annotations[0].quote`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// What the decoder found instead, from its description ("found a string instead").
    private static func found(in context: DecodingError.Context) -> String? {
        let description = context.debugDescription
        guard let range = description.range(of: "but found ") else { return nil }
        var found = String(description[range.upperBound...])
        for suffix in [" instead.", " instead", "."] where found.hasSuffix(suffix) {
            found.removeLast(suffix.count)
            break
        }
        let words = ["number": "a number", "a dictionary": "an object", "an array": "a list", "bool": "true or false"]
        return "it is \(words[found] ?? found)"
    }

    /// A type, as a message names it.
    static func name(of type: Any.Type) -> String {
        if type == String.self || type == Substring.self { return "a string" }
        if type == Bool.self { return "true or false" }
        if type == Int.self || type == Int64.self || type == Double.self { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
        return name
    }
}
