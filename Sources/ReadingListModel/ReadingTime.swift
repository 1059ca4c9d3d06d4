/// Reading time from a word count.
public enum ReadingTime {
    /// Average adult silent reading speed for non-fiction, in words per minute.
    public static let wordsPerMinute = 230

    /// Minutes to read `wordCount` words, rounded up; 0 for 0 words.
    public static func minutes(forWordCount wordCount: Int) -> Int {
        wordCount <= 0 ? 0 : (wordCount + wordsPerMinute - 1) / wordsPerMinute
    }

    /// Counts words: maximal runs of letters, digits and marks.
    public static func wordCount(of text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isWordScalar = properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
            if isWordScalar, !inWord { count += 1 }
            inWord = isWordScalar || (inWord && (scalar == "'" || scalar == "’"))
        }
        return count
    }
}
