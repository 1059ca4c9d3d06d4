extension String {
    /// The string without leading and trailing Unicode White_Space (SPEC.md §2.2).
    package func trimmingWhitespace() -> String {
        UnicodeText.trimmingWhiteSpace(self)
    }

    /// The string trimmed, with every run of White_Space (newlines included) collapsed to one space.
    package func collapsingWhitespace() -> String {
        if isCollapsed { return self }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if UnicodeText.isWhiteSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether ``collapsingWhitespace()`` would return the string unchanged: no White_Space at
    /// either end, and none but single spaces inside.
    private var isCollapsed: Bool {
        // ASCII text byte by byte (its White_Space is U+0009–U+000D and U+0020); any other
        // text scalar by scalar.
        var previousWasSpace = true
        for byte in utf8 {
            switch byte {
            case 0x80...: return isCollapsedScalarByScalar
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            case 0x09...0x0D: return false
            default: previousWasSpace = false
            }
        }
        return !previousWasSpace || isEmpty
    }

    private var isCollapsedScalarByScalar: Bool {
        var previousWasSpace = true
        for scalar in unicodeScalars {
            guard UnicodeText.isWhiteSpace(scalar) else {
                previousWasSpace = false
                continue
            }
            if scalar != " " || previousWasSpace { return false }
            previousWasSpace = true
        }
        return !previousWasSpace || isEmpty
    }
}
