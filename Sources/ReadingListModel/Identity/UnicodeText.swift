/// The Unicode operations the identity rules are written in (SPEC.md §2.2).
///
/// Everything works on Unicode scalars, never on grapheme clusters, and uses the
/// Unicode 14.0.0 data in `UnicodeData` rather than the platform's, so ids are
/// the same on every platform and OS version.
enum UnicodeText {
    /// Whether `scalar` has the Unicode White_Space property (the fixed list in SPEC.md §2.2).
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// `text` without leading and trailing White_Space scalars.
    static func trimmingWhiteSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhiteSpace($0) }),
              let last = scalars.lastIndex(where: { !isWhiteSpace($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// The full lowercase mapping of each scalar on its own: no context (Final_Sigma) and no locale.
    static func lowercased(_ text: String) -> String {
        asciiLowercased(text) ?? mapped(text, by: Tables.lowercaseMappings)
    }

    /// The full lowercase mapping of one scalar.
    static func lowercaseMapping(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        Tables.lowercaseMappings[scalar.value] ?? [scalar]
    }

    /// The full case folding (CaseFolding.txt statuses C and F) of each scalar on its own.
    static func caseFolded(_ text: String) -> String {
        asciiLowercased(text) ?? mapped(text, by: Tables.caseFoldings)
    }

    /// Unicode Normalization Form C (UAX #15): canonical decomposition, canonical ordering,
    /// then canonical composition.
    static func nfc(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(\.isASCII) {
            return text
        }
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            appendDecomposition(of: scalar, to: &scalars)
        }
        reorderCanonically(&scalars)
        return String(String.UnicodeScalarView(composed(scalars)))
    }

    // MARK: - Normalization steps

    /// `text` with each scalar mapped by `table`. Callers try ``asciiLowercased(_:)`` first:
    /// an argument is evaluated before the call, so only a text that needs it loads the table.
    private static func mapped(_ text: String, by table: [UInt32: [Unicode.Scalar]]) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapping = table[scalar.value] {
                result.append(contentsOf: mapping)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` with A–Z lowered when it is all ASCII, where the lowercase mapping and the case
    /// folding both map exactly A–Z to a–z (checked against the tables by a test); nil otherwise.
    /// Saves loading the tables, which a short command would otherwise pay for.
    static func asciiLowercased(_ text: String) -> String? {
        var hasUppercase = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte >= 0x41, byte <= 0x5A { hasUppercase = true }
        }
        guard hasUppercase else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The table mapping of ASCII scalar `value`, for the test of ``asciiLowercased(_:)``.
    static func tableMappings(ofASCII value: UInt32) -> (lowercase: [Unicode.Scalar]?, folded: [Unicode.Scalar]?) {
        (Tables.lowercaseMappings[value], Tables.caseFoldings[value])
    }

    private static func combiningClass(_ scalar: Unicode.Scalar) -> UInt8 {
        Tables.combiningClasses[scalar.value] ?? 0
    }

    private static func appendDecomposition(of scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        if let hangul = Hangul.decomposition(of: scalar) {
            output.append(contentsOf: hangul)
        } else if let mapping = Tables.decompositions[scalar.value] {
            for part in mapping {
                appendDecomposition(of: part, to: &output)
            }
        } else {
            output.append(scalar)
        }
    }

    /// Stable sort of each run of non-starters by canonical combining class.
    private static func reorderCanonically(_ scalars: inout [Unicode.Scalar]) {
        var index = 0
        while index < scalars.count {
            guard combiningClass(scalars[index]) != 0 else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, combiningClass(scalars[end]) != 0 {
                end += 1
            }
            if end - index > 1 {
                let run = scalars[index..<end].enumerated().sorted { left, right in
                    let leftClass = combiningClass(left.element)
                    let rightClass = combiningClass(right.element)
                    return leftClass != rightClass ? leftClass < rightClass : left.offset < right.offset
                }
                scalars.replaceSubrange(index..<end, with: run.map(\.element))
            }
            index = end
        }
    }

    /// Canonical composition of decomposed, canonically ordered scalars.
    private static func composed(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = scalars.first else { return [] }
        var result = [first]
        var starterIndex = 0
        // 256 blocks composition with a leading non-starter.
        var lastClass = combiningClass(first) == 0 ? 0 : 256
        for scalar in scalars.dropFirst() {
            let scalarClass = Int(combiningClass(scalar))
            let isBlocked = lastClass != 0 && lastClass >= scalarClass
            if !isBlocked, let composite = primaryComposite(result[starterIndex], scalar) {
                result[starterIndex] = composite
                continue
            }
            if scalarClass == 0 {
                starterIndex = result.count
            }
            lastClass = scalarClass
            result.append(scalar)
        }
        return result
    }

    private static func primaryComposite(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
        Hangul.composition(of: first, second)
            ?? Tables.compositions[UInt64(first.value) << 32 | UInt64(second.value)]
    }

    // MARK: - Hangul syllables (Unicode §3.12)

    private enum Hangul {
        static let syllableBase: UInt32 = 0xAC00
        static let leadingBase: UInt32 = 0x1100
        static let vowelBase: UInt32 = 0x1161
        static let trailingBase: UInt32 = 0x11A7
        static let vowelCount: UInt32 = 21
        static let trailingCount: UInt32 = 28
        static let syllableCount: UInt32 = 11172

        static func decomposition(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
            guard scalar.value >= syllableBase, scalar.value < syllableBase + syllableCount else { return nil }
            let index = scalar.value - syllableBase
            let trailing = index % trailingCount
            let parts = [
                leadingBase + index / (vowelCount * trailingCount),
                vowelBase + (index % (vowelCount * trailingCount)) / trailingCount,
            ] + (trailing == 0 ? [] : [trailingBase + trailing])
            return parts.compactMap(Unicode.Scalar.init)
        }

        static func composition(of first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
            let (a, b) = (first.value, second.value)
            if a >= leadingBase, a < leadingBase + 19, b >= vowelBase, b < vowelBase + vowelCount {
                let index = ((a - leadingBase) * vowelCount + (b - vowelBase)) * trailingCount
                return Unicode.Scalar(syllableBase + index)
            }
            if a >= syllableBase, a < syllableBase + syllableCount, (a - syllableBase) % trailingCount == 0,
               b > trailingBase, b < trailingBase + trailingCount {
                return Unicode.Scalar(a + (b - trailingBase))
            }
            return nil
        }
    }

    // MARK: - Tables parsed from UnicodeData

    private enum Tables {
        static let decompositions: [UInt32: [Unicode.Scalar]] = mappings(from: UnicodeData.decompositions)
        static let lowercaseMappings: [UInt32: [Unicode.Scalar]] = mappings(from: UnicodeData.lowercaseMappings)
        static let caseFoldings: [UInt32: [Unicode.Scalar]] = mappings(from: UnicodeData.caseFoldings)

        /// (first << 32 | second) → primary composite.
        static let compositions: [UInt64: Unicode.Scalar] = {
            var result: [UInt64: Unicode.Scalar] = [:]
            for entry in entries(of: UnicodeData.decompositions) where entry.hasSuffix("*") {
                let sides = entry.dropLast().split(separator: ">")
                guard sides.count == 2,
                      let composite = UInt32(sides[0], radix: 16).flatMap(Unicode.Scalar.init)
                else { continue }
                let pair = scalars(in: sides[1])
                guard pair.count == 2 else { continue }
                result[UInt64(pair[0].value) << 32 | UInt64(pair[1].value)] = composite
            }
            return result
        }()

        static let combiningClasses: [UInt32: UInt8] = {
            var result: [UInt32: UInt8] = [:]
            for entry in entries(of: UnicodeData.combiningClasses) {
                let sides = entry.split(separator: ":")
                guard sides.count == 2, let value = UInt8(sides[1]) else { continue }
                let bounds = sides[0].split(separator: "-").compactMap { UInt32($0, radix: 16) }
                guard let first = bounds.first, let last = bounds.last, first <= last else { continue }
                for code in first...last {
                    result[code] = value
                }
            }
            return result
        }()

        private static func entries(of table: String) -> [Substring] {
            table.split(whereSeparator: { $0 == " " || $0 == "\n" })
        }

        private static func scalars(in list: Substring) -> [Unicode.Scalar] {
            list.split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }

        /// Parses `CODE>TARGET[,TARGET…][*]` entries.
        private static func mappings(from table: String) -> [UInt32: [Unicode.Scalar]] {
            var result: [UInt32: [Unicode.Scalar]] = [:]
            for entry in entries(of: table) {
                let sides = entry.split(separator: ">")
                guard sides.count == 2, let code = UInt32(sides[0], radix: 16) else { continue }
                result[code] = scalars(in: sides[1].hasSuffix("*") ? sides[1].dropLast() : sides[1])
            }
            return result
        }
    }
}
