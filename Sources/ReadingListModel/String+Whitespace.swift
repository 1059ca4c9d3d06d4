extension String {
    /// The string without leading and trailing Unicode White_Space (SPEC.md §2.2).
    package func trimmingWhitespace() -> String {
        UnicodeText.trimmingWhiteSpace(self)
    }

    /// The string trimmed, with every run of White_Space (newlines included) collapsed to one space.
    package func collapsingWhitespace() -> String {
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
}
