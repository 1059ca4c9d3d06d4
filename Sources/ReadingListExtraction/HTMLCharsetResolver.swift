/// Decides how the bytes of an HTML page are encoded and turns them into UTF-8 for the parser.
///
/// Order: a UTF-8 or UTF-16 byte order mark; then the charset the HTTP header names, else the
/// one a `<meta>` element declares;
/// then UTF-8 when the bytes are valid UTF-8; else Windows-1252. One deliberate exception:
/// bytes that are valid UTF-8 and contain multi-byte characters are read as UTF-8 even when
/// the page declares a legacy charset, because saved pages are often re-encoded to UTF-8
/// without their declaration being updated, and such sequences practically never occur by
/// chance in legacy encodings.
package enum HTMLCharsetResolver {
    /// Bytes ready for libxml2 together with the encoding it must read them in (always UTF-8).
    struct ParserInput {
        var bytes: [UInt8]
        var encoding: String
    }

    /// How many leading bytes are searched for a `<meta>` charset declaration.
    static let declarationSearchLength = 32 * 1024

    /// - Parameter transportCharset: the charset the HTTP `Content-Type` header names, which
    ///   outranks a `<meta>` declaration (a byte order mark outranks both).
    static func parserInput(for bytes: [UInt8], transportCharset: String? = nil) -> ParserInput {
        switch TextDecoding.byteOrderMark(of: bytes) {
        case .utf8:
            return utf8Input(Array(bytes.dropFirst(3)))
        case .utf16LittleEndian:
            return utf8Input(Array(TextDecoding.decodeUTF16(bytes.dropFirst(2), bigEndian: false).utf8))
        case .utf16BigEndian:
            return utf8Input(Array(TextDecoding.decodeUTF16(bytes.dropFirst(2), bigEndian: true).utf8))
        case nil:
            break
        }

        let scan = TextDecoding.scanUTF8(bytes)
        let declared = (transportCharset ?? declaredCharset(in: bytes)).map(CharsetLabel.init(label:))
        switch declared {
        case nil:
            return scan.isValid ? utf8Input(bytes) : windows1252Input(bytes)
        case .utf8?:
            // Declared UTF-8 but broken: damaged UTF-8 if any multi-byte character is intact,
            // else the declaration is wrong and the page is Windows-1252.
            if scan.isValid || scan.multiByteScalars > 0 { return utf8Input(bytes) }
            return windows1252Input(bytes)
        case .windows1252?:
            return scan.isValid && !scan.isASCII ? utf8Input(bytes) : windows1252Input(bytes)
        case .other(let names)?:
            let usesEscapes = bytes.contains(0x1B)  // ISO-2022 encodings are pure ASCII with escapes
            if scan.isValid && !(scan.isASCII && usesEscapes) { return utf8Input(bytes) }
            if let decoded = names.lazy.compactMap({ IconvDecoder.decode(bytes, from: $0) }).first {
                return utf8Input(Array(decoded.utf8))
            }
            return scan.isValid ? utf8Input(bytes) : windows1252Input(bytes)
        }
    }

    /// The charset named by the first `<meta charset>` or `<meta http-equiv="content-type">`
    /// near the start of the page, read by parsing that part of the page as Latin-1.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(declarationSearchLength))
        guard let root = HTMLTreeBuilder.parse(head, encoding: "ISO-8859-1") else { return nil }
        for meta in root.descendants(named: "meta") {
            if let charset = meta.attribute("charset") {
                return charset
            }
            if meta.attribute("http-equiv")?.lowercased() == "content-type",
               let content = meta.attribute("content"),
               let charset = charsetParameter(inContentType: content) {
                return charset
            }
        }
        return nil
    }

    /// The `charset` parameter of a content type such as `text/html; charset=ISO-8859-1`.
    package static func charsetParameter(inContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingWhitespace().lowercased() == "charset" else { continue }
            let value = parts[1].trimmingWhitespace().trimming(charactersIn: "\"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func utf8Input(_ bytes: [UInt8]) -> ParserInput {
        ParserInput(bytes: bytes, encoding: "UTF-8")
    }

    private static func windows1252Input(_ bytes: [UInt8]) -> ParserInput {
        ParserInput(bytes: Array(TextDecoding.decodeWindows1252(bytes).utf8), encoding: "UTF-8")
    }
}
