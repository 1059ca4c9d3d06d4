/// Decides from a file's bytes (and only secondarily its name) whether it holds
/// an HTML page, plain text or binary data.
enum FileContentSniffer {
    enum Kind: Equatable {
        case html
        case plainText
        /// Not text; `description` names the format when it is a well-known one.
        case binary(description: String?)
        /// No bytes, or only whitespace.
        case empty
    }

    /// How many leading bytes are examined.
    static let sampleLength = 64 * 1024

    static func kind(of bytes: [UInt8], fileName: String) -> Kind {
        if let format = knownBinaryFormat(of: bytes) {
            return .binary(description: format)
        }
        let byteOrderMark = TextDecoding.byteOrderMark(of: bytes)
        let sampleBytes = Array(bytes.prefix(sampleLength))
        if byteOrderMark == nil || byteOrderMark == .utf8, looksBinary(sampleBytes) {
            return .binary(description: nil)
        }
        let sample = TextDecoding.decodeText(sampleBytes)
        if sample.unicodeScalars.allSatisfy({ $0.isWhitespaceLike || $0.isInvisibleFormatting }) {
            return .empty
        }
        if byteOrderMark != nil, looksBinary(decoded: sample) {
            return .binary(description: nil)
        }
        return looksLikeHTML(sample, fileName: fileName) ? .html : .plainText
    }

    /// True when the text starts like an HTML document (the WHATWG MIME sniffing patterns),
    /// or when a file named like a web page contains a structural HTML tag near its start.
    static func looksLikeHTML(_ text: String, fileName: String) -> Bool {
        let lowered = text.prefix(4096).lowercased()
        let start = lowered.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        var afterDeclaration = Substring(start)
        if afterDeclaration.hasPrefix("<?xml"), let end = afterDeclaration.firstIndex(of: ">") {
            afterDeclaration = afterDeclaration[afterDeclaration.index(after: end)...].drop { $0.isWhitespace }
        }
        for pattern in leadingHTMLPatterns where afterDeclaration.hasPrefix(pattern) {
            let next = afterDeclaration.dropFirst(pattern.count).first
            if next == nil || next == " " || next == ">" || next == "\n" || next == "\t" || next == "\r" || next == "/" {
                return true
            }
        }
        let extensionSaysHTML = ["html", "htm", "xhtml", "shtml", "xht"].contains(fileExtension(of: fileName))
        if extensionSaysHTML || afterDeclaration.hasPrefix("<") {
            return structuralTags.contains { lowered.contains($0) }
        }
        return false
    }

    private static let leadingHTMLPatterns = [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
        "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<meta", "<article", "<section",
    ]

    private static let structuralTags = ["<html", "<body", "<head", "<p>", "<p ", "<div", "<article", "<title"]

    private static func fileExtension(of fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return "" }
        return fileName[fileName.index(after: dot)...].lowercased()
    }

    /// NUL bytes, or more than a few percent of control bytes that text never contains.
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.contains(0) { return true }
        let controlBytes = bytes.count { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B) || byte == 0x7F
        }
        return controlBytes * 100 > bytes.count * 5
    }

    private static func looksBinary(decoded text: String) -> Bool {
        var total = 0
        var suspicious = 0
        for scalar in text.unicodeScalars {
            total += 1
            let value = scalar.value
            if value == 0 || value == 0xFFFD || (value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(value)) {
                suspicious += 1
            }
        }
        return total > 0 && suspicious * 100 > total * 5
    }

    private static func knownBinaryFormat(of bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            (Array("%PDF".utf8), "a PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or office document"),
            ([0x1F, 0x8B], "a gzip archive"),
            (Array("RIFF".utf8), "a media file"),
            ([0x7F, 0x45, 0x4C, 0x46], "a program"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }
}
