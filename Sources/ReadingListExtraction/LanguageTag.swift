/// BCP 47 language tags as pages write them (`en`, `en_US`, `EN-us`, `zh-Hant-TW`).
enum LanguageTag {
    /// The tag in canonical case with hyphens (`en-US`), or nil if it is not a well-formed tag.
    static func normalized(_ raw: String) -> String? {
        let subtags = raw.trimmingWhitespace().replacingUnderscores().split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count) || primary.lowercased() == "x" || primary.lowercased() == "i",
              subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }),
              primary.allSatisfy(\.isLetter) else { return nil }
        var result = [primary.lowercased()]
        for subtag in subtags.dropFirst() {
            switch subtag.count {
            case 2 where subtag.allSatisfy(\.isLetter): result.append(subtag.uppercased())
            case 4 where subtag.allSatisfy(\.isLetter): result.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            default: result.append(subtag.lowercased())
            }
        }
        return result.joined(separator: "-")
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
