/// The YAML front matter of a Markdown note as `readlist export --format markdown` writes it,
/// read back by a reader of just that subset: `key: "double-quoted"`, `key: plain`,
/// `key: []`, and `key:` followed by `  - "item"` lines.
struct FrontMatter {
    var scalars: [String: String] = [:]
    var lists: [String: [String]] = [:]
    /// The keys in the order written.
    var keys: [String] = []

    struct Malformed: Error, CustomStringConvertible {
        var line: String
        var description: String { "not front matter as readlist writes it: \(line)" }
    }

    /// The front matter at the start of `note`.
    init(note: String) throws {
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { throw Malformed(line: lines.first ?? "") }
        var listKey: String?
        for line in lines[1..<end] {
            if line.hasPrefix("  - "), let key = listKey {
                lists[key, default: []].append(try Self.value(String(line.dropFirst(4)), line))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(line: line) }
            let key = String(line[..<colon])
            let rest = line[line.index(after: colon)...]
            keys.append(key)
            listKey = nil
            if rest.isEmpty {
                listKey = key
                lists[key] = []
            } else if rest == " []" {
                lists[key] = []
            } else if rest.hasPrefix(" ") {
                scalars[key] = try Self.value(String(rest.dropFirst()), line)
            } else {
                throw Malformed(line: line)
            }
        }
    }

    /// A double-quoted scalar with its escapes undone, or a plain one as it stands.
    static func value(_ text: String, _ line: String) throws -> String {
        guard text.hasPrefix("\"") else { return text }
        guard text.count >= 2, text.hasSuffix("\"") else { throw Malformed(line: line) }
        var result = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars.dropFirst().dropLast())[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else {
                if scalar == "\"" { throw Malformed(line: line) }
                result.append(scalar)
                continue
            }
            switch scalars.popFirst() {
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                let digits = String(String.UnicodeScalarView(scalars.prefix(4)))
                scalars = scalars.dropFirst(4)
                guard digits.count == 4, let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) else {
                    throw Malformed(line: line)
                }
                result.append(decoded)
            default: throw Malformed(line: line)
            }
        }
        return String(result)
    }
}
