extension String {
    /// The string without leading and trailing whitespace (including newlines and no-break spaces).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceLike }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.isWhitespaceLike }) else { return "" }
        return String(scalars[first...last])
    }

    /// Every run of whitespace replaced by one space, zero-width characters removed, trimmed.
    func collapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isInvisibleFormatting { continue }
            if scalar.isWhitespaceLike {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Lowercase words of an identifier such as a class list: split at anything that
    /// is not a letter or digit and where a lowercase letter is followed by an uppercase one.
    func identifierWords() -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasLowercase = false
        for scalar in unicodeScalars {
            let isLetterOrDigit: Bool
            let isUppercase: Bool
            let isLowercase: Bool
            if scalar.isASCII {
                let value = scalar.value
                isUppercase = (0x41...0x5A).contains(value)
                isLowercase = (0x61...0x7A).contains(value)
                isLetterOrDigit = isUppercase || isLowercase || (0x30...0x39).contains(value)
            } else {
                let properties = scalar.properties
                isLetterOrDigit = properties.isAlphabetic || properties.numericType != nil
                isUppercase = properties.isUppercase
                isLowercase = properties.isLowercase
            }
            guard isLetterOrDigit else {
                if !current.isEmpty { words.append(String(current).lowercased()) }
                current = String.UnicodeScalarView()
                previousWasLowercase = false
                continue
            }
            if isUppercase && previousWasLowercase && !current.isEmpty {
                words.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
            previousWasLowercase = isLowercase
        }
        if !current.isEmpty { words.append(String(current).lowercased()) }
        return words
    }

    /// The words of the string as counted by `WordCounter`.
    var wordCount: Int { WordCounter.count(in: self) }

    /// A prefix of at most `limit` characters that ends at a word boundary, followed by
    /// "…" when anything was cut. Whitespace is collapsed first.
    func truncatedAtWordBoundary(limit: Int) -> String {
        let collapsed = collapsingWhitespace()
        guard collapsed.count > limit, limit > 1 else { return collapsed }
        let hardCut = collapsed.prefix(limit - 1)
        var cut = Substring(hardCut)
        if let lastSpace = hardCut.lastIndex(of: " "), hardCut.distance(from: hardCut.startIndex, to: lastSpace) >= limit / 2 {
            cut = hardCut[..<lastSpace]
        }
        let trimmed = String(cut).trimmingWhitespace()
        let withoutDanglingPunctuation = trimmed.trimmingTrailing { ",;:-–—".contains($0) }
        return withoutDanglingPunctuation + "…"
    }

    /// The string without trailing characters that satisfy `predicate`, then trimmed.
    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var result = Substring(self)
        while let last = result.last, predicate(last) || last.isWhitespace {
            result = result.dropLast()
        }
        return String(result)
    }

    /// Whether the string equals `other` ignoring case, whitespace runs and surrounding punctuation.
    func isLooselyEqual(to other: String) -> Bool {
        looseComparisonKey == other.looseComparisonKey
    }

    /// Lowercased letters and digits only, for comparing texts that differ in punctuation or spacing.
    var looseComparisonKey: String {
        String(String.UnicodeScalarView(lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }
}

extension Unicode.Scalar {
    /// Whitespace in the Unicode sense, which includes newlines and no-break spaces.
    var isWhitespaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }

    /// Zero-width and byte-order-mark characters that carry no visible text.
    var isInvisibleFormatting: Bool {
        switch value {
        case 0x200B, 0x2060, 0xFEFF, 0x00AD: true
        default: false
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `characters`.
    func trimming(charactersIn characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        String(self).trimmingWhitespace()
    }
}

extension String {
    /// The string with CRLF and lone CR line endings turned into LF.
    func replacingLineEndings() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var scalars = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCarriageReturn = true
                continue
            }
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
