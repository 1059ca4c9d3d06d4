/// A URL reduced to the canonical form that identifies an article.
///
/// Two links to the same article, differing in case, default port, tracking
/// parameters, parameter order or percent-encoding, have the same canonical
/// URL and so the same article id. The rules are SPEC.md §2.3; the raw value
/// is always ASCII and parsing it again gives it back unchanged.
public struct CanonicalURL: Hashable, Sendable, CustomStringConvertible {
    /// The canonical URL string, `scheme://host[:port]path[?query][#fragment]`.
    public let rawValue: String

    /// Canonicalizes `input`, a URL or a bare host name with an optional path such as `example.com/a`.
    ///
    /// - Throws: `CanonicalURLError` naming the rule `input` broke.
    public init(parsing input: String) throws(CanonicalURLError) {
        rawValue = try Canonicalizer(input: input).canonicalString()
    }

    /// The canonical URL string.
    public var description: String { rawValue }
}

/// The canonicalization algorithm of SPEC.md §2.3, one method per step.
private struct Canonicalizer {
    typealias Scalars = ArraySlice<Unicode.Scalar>

    /// The input as given, kept for error messages.
    let input: String

    func canonicalString() throws(CanonicalURLError) -> String {
        // Step 1.
        let trimmed = Scalars(UnicodeText.trimmingWhiteSpace(input).unicodeScalars)
        guard !trimmed.isEmpty else { throw failure(.empty) }
        // Steps 2 and 3.
        let absolute = try withScheme(trimmed)
        guard let colon = absolute.firstIndex(of: ":") else { throw failure(.notAURL) }
        let scheme = String(String.UnicodeScalarView(absolute[..<colon])).asciiLowercased
        let parts = Self.split(afterScheme: absolute[(colon + 1)...])
        guard let authority = parts.authority else { throw failure(.missingHost) }
        let hostAndPort = authority.lastIndex(of: "@").map { authority[($0 + 1)...] } ?? authority
        // Steps 4 and 5.
        let (rawHost, rawPort) = try splitHostAndPort(hostAndPort)
        guard !rawHost.isEmpty else { throw failure(.missingHost) }
        let host = try canonicalHost(rawHost)
        let port = try canonicalPort(rawPort, scheme: scheme)
        // Steps 6 to 8.
        return scheme + "://" + host + port
            + Self.canonicalPath(parts.path)
            + Self.canonicalQuery(parts.query)
            + Self.canonicalFragment(parts.fragment)
    }

    private func failure(_ reason: CanonicalURLError.Reason) -> CanonicalURLError {
        CanonicalURLError(input: input, reason: reason)
    }

    // MARK: Step 2: scheme

    /// `text` with an `http` or `https` scheme: as given, or with `https:` / `https://` prepended.
    private func withScheme(_ text: Scalars) throws(CanonicalURLError) -> Scalars {
        if text.starts(with: "//".unicodeScalars) {
            return Scalars("https:".unicodeScalars) + text
        }
        if let colon = Self.schemeColon(in: text) {
            let name = text[..<colon]
            let isHostAndPort = name.contains(".") && Self.isPortThenPathOrEnd(text[(colon + 1)...])
            if !isHostAndPort {
                let scheme = String(String.UnicodeScalarView(name)).asciiLowercased
                guard scheme == "http" || scheme == "https" else { throw failure(.unsupportedScheme) }
                return text
            }
        }
        guard Self.looksLikeHost(text) else { throw failure(.notAURL) }
        return Scalars("https://".unicodeScalars) + text
    }

    /// The index of the colon ending an RFC 3986 scheme at the start of `text`, if there is one.
    private static func schemeColon(in text: Scalars) -> Int? {
        guard let first = text.first, first.isASCIILetter else { return nil }
        for index in text.indices.dropFirst() {
            let scalar = text[index]
            if scalar == ":" { return index }
            guard scalar.isASCIILetter || scalar.isASCIIDigit || "+-.".unicodeScalars.contains(scalar) else {
                return nil
            }
        }
        return nil
    }

    /// Whether `text` is one or more ASCII digits followed by the end, `/`, `?` or `#`.
    private static func isPortThenPathOrEnd(_ text: Scalars) -> Bool {
        let digits = text.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty else { return false }
        guard let next = text.dropFirst(digits.count).first else { return true }
        return "/?#".unicodeScalars.contains(next)
    }

    /// Whether the text before the first `/`, `?` or `#` contains a dot, does not start with one,
    /// and contains no `@` and no white space.
    private static func looksLikeHost(_ text: Scalars) -> Bool {
        let first = text.prefix { !"/?#".unicodeScalars.contains($0) }
        return first.contains(".") && first.first != "."
            && !first.contains("@") && !first.contains(where: UnicodeText.isWhiteSpace)
    }

    // MARK: Step 3: components

    private struct Parts {
        var authority: Scalars?
        var path: Scalars
        var query: Scalars?
        var fragment: Scalars?
    }

    /// Splits what follows `scheme:` into authority, path, query and fragment (RFC 3986 §3).
    private static func split(afterScheme text: Scalars) -> Parts {
        var rest = text
        var parts = Parts(authority: nil, path: [], query: nil, fragment: nil)
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            parts.query = rest[(question + 1)...]
            rest = rest[..<question]
        }
        if rest.starts(with: "//".unicodeScalars) {
            let authority = rest.dropFirst(2)
            let end = authority.firstIndex(of: "/") ?? authority.endIndex
            parts.authority = authority[..<end]
            rest = authority[end...]
        }
        parts.path = rest
        return parts
    }

    /// Host and port of an authority without userinfo; the port is empty when absent.
    private func splitHostAndPort(_ text: Scalars) throws(CanonicalURLError) -> (host: Scalars, port: Scalars) {
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else { throw failure(.invalidHost) }
            let rest = text[(close + 1)...]
            guard rest.isEmpty || rest.first == ":" else { throw failure(.invalidHost) }
            return (text[...close], rest.dropFirst())
        }
        guard let colon = text.firstIndex(of: ":") else { return (text, []) }
        return (text[..<colon], text[(colon + 1)...])
    }

    // MARK: Step 4: host

    private func canonicalHost(_ host: Scalars) throws(CanonicalURLError) -> String {
        if host.first == "[" {
            let inner = host.dropFirst().dropLast()
            guard !inner.isEmpty, inner.contains(":"),
                  inner.allSatisfy({ $0.isASCIIHexDigit || $0 == ":" || $0 == "." })
            else { throw failure(.invalidHost) }
            return "[" + String(String.UnicodeScalarView(inner)).asciiLowercased + "]"
        }
        guard var decoded = PercentEncoding.decodedScalars(host) else { throw failure(.invalidHost) }
        if decoded.last == "." {
            decoded.removeLast()
        }
        var labels: [String] = []
        for label in decoded.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.allSatisfy(Self.isAllowedInHostLabel) else { throw failure(.invalidHost) }
            let text = String(String.UnicodeScalarView(label))
            let normalized = UnicodeText.nfc(UnicodeText.lowercased(UnicodeText.nfc(text)))
            if normalized.unicodeScalars.allSatisfy(\.isASCII) {
                labels.append(normalized)
            } else {
                guard let encoded = Punycode.encode(Array(normalized.unicodeScalars)) else {
                    throw failure(.invalidHost)
                }
                labels.append("xn--" + encoded)
            }
        }
        return labels.joined(separator: ".")
    }

    /// ASCII letters, digits, `-` and `_`, and any non-ASCII scalar except white space.
    private static func isAllowedInHostLabel(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "-" || scalar == "_"
        }
        return !UnicodeText.isWhiteSpace(scalar)
    }

    // MARK: Step 5: port

    /// `:port`, or empty when the port is absent, empty or the scheme's default.
    private func canonicalPort(_ port: Scalars, scheme: String) throws(CanonicalURLError) -> String {
        guard !port.isEmpty else { return "" }
        guard port.allSatisfy(\.isASCIIDigit) else { throw failure(.invalidPort) }
        let significant = port.drop { $0 == "0" }
        guard significant.count <= 5 else { throw failure(.invalidPort) }
        let value = significant.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        guard value <= 65535 else { throw failure(.invalidPort) }
        let defaultPort = scheme == "http" ? 80 : 443
        return value == defaultPort ? "" : ":\(value)"
    }

    // MARK: Step 6: path

    private static func canonicalPath(_ path: Scalars) -> String {
        let normalized = PercentEncoding.normalized(path, allowing: PercentEncoding.isAllowedInPath)
        var segments = removingDotSegments(Array(normalized.utf8))
        while segments.count > 1, segments.last == UInt8(ascii: "/") {
            segments.removeLast()
        }
        return segments.isEmpty ? "/" : String(decoding: segments, as: UTF8.self)
    }

    /// RFC 3986 §5.2.4 "remove_dot_segments", on an ASCII path.
    private static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var input = path[...]
        var output: [UInt8] = []
        func removeLastOutputSegment() {
            if let last = output.lastIndex(of: slash) {
                output.removeSubrange(last...)
            } else {
                output.removeAll()
            }
        }
        while !input.isEmpty {
            if input.starts(with: [dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if input.starts(with: [dot, slash]) {
                input = input.dropFirst(2)
            } else if input.starts(with: [slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if input.elementsEqual([slash, dot]) {
                input = [slash]
            } else if input.starts(with: [slash, dot, dot, slash]) {
                input = input.dropFirst(3)
                removeLastOutputSegment()
            } else if input.elementsEqual([slash, dot, dot]) {
                input = [slash]
                removeLastOutputSegment()
            } else if input.elementsEqual([dot]) || input.elementsEqual([dot, dot]) {
                input = []
            } else {
                let searchStart = input.first == slash ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: slash) ?? input.endIndex
                output.append(contentsOf: input[..<end])
                input = input[end...]
            }
        }
        return output
    }

    // MARK: Step 7: query

    /// The names, compared in ASCII lowercase, of tracking parameters besides the `utm_` prefix.
    private static let trackingParameterNames: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid",
        "twclid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
        "rb_clickid", "s_cid", "ref_src", "ref_url",
    ]

    private static func isTrackingParameter(_ normalizedName: String) -> Bool {
        let name = normalizedName.asciiLowercased
        return name.hasPrefix("utm_") || trackingParameterNames.contains(name)
    }

    /// `?` and the kept parameters sorted by name, or empty when none are kept.
    private static func canonicalQuery(_ query: Scalars?) -> String {
        guard let query else { return "" }
        var kept: [(name: String, parameter: String)] = []
        for parameter in query.split(separator: "&") {
            let equals = parameter.firstIndex(of: "=")
            let name = PercentEncoding.normalized(
                parameter[..<(equals ?? parameter.endIndex)], allowing: PercentEncoding.isAllowedInQuery)
            guard !isTrackingParameter(name) else { continue }
            if let equals {
                let value = PercentEncoding.normalized(
                    parameter[(equals + 1)...], allowing: PercentEncoding.isAllowedInQuery)
                kept.append((name, name + "=" + value))
            } else {
                kept.append((name, name))
            }
        }
        guard !kept.isEmpty else { return "" }
        // Stable sort by the bytes of the name: ties keep their original order.
        let sorted = kept.enumerated().sorted { left, right in
            if left.element.name.utf8.elementsEqual(right.element.name.utf8) {
                return left.offset < right.offset
            }
            return left.element.name.utf8.lexicographicallyPrecedes(right.element.name.utf8)
        }
        return "?" + sorted.map(\.element.parameter).joined(separator: "&")
    }

    // MARK: Step 8: fragment

    /// `#` and the fragment when it is a client-side route (starts with `!` or `/`), otherwise empty.
    private static func canonicalFragment(_ fragment: Scalars?) -> String {
        guard let fragment, let first = fragment.first, first == "!" || first == "/" else { return "" }
        return "#" + PercentEncoding.normalized(fragment, allowing: PercentEncoding.isAllowedInFragment)
    }
}

/// Percent-encoding as SPEC.md §2.3 normalizes it.
private enum PercentEncoding {
    /// `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `.`, `_`, `~` (RFC 3986 unreserved).
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Unreserved, sub-delims `!$&'()*+,;=`, `:` and `@` (RFC 3986 pchar).
    static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || "!$&'()*+,;=:@".utf8.contains(byte)
    }

    static func isAllowedInPath(_ byte: UInt8) -> Bool {
        isPathCharacter(byte) || byte == UInt8(ascii: "/")
    }

    static func isAllowedInQuery(_ byte: UInt8) -> Bool {
        isPathCharacter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
    }

    static func isAllowedInFragment(_ byte: UInt8) -> Bool {
        isAllowedInQuery(byte)
    }

    /// `text` percent-normalized: escapes of unreserved bytes decoded, other escapes in uppercase hex,
    /// and every other scalar outside `allowed` (including a `%` that starts no escape) encoded as UTF-8.
    static func normalized(_ text: ArraySlice<Unicode.Scalar>, allowing allowed: (UInt8) -> Bool) -> String {
        var output: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if let byte = escapedByte(in: text, at: index) {
                if isUnreserved(byte) {
                    output.append(byte)
                } else {
                    appendEscape(of: byte, to: &output)
                }
                index += 3
                continue
            }
            let scalar = text[index]
            if scalar.isASCII, allowed(UInt8(scalar.value)) {
                output.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { appendEscape(of: $0, to: &output) }
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalars of `text` with every `%XX` escape decoded; nil if a `%` starts no escape
    /// or the bytes are not UTF-8.
    static func decodedScalars(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%" {
                guard let byte = escapedByte(in: text, at: index) else { return nil }
                bytes.append(byte)
                index += 3
            } else {
                UTF8.encode(text[index]) { bytes.append($0) }
                index += 1
            }
        }
        var scalars: [Unicode.Scalar] = []
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return scalars
            case .error: return nil
            }
        }
    }

    /// The byte of the `%XX` escape starting at `index`, if one starts there.
    private static func escapedByte(in text: ArraySlice<Unicode.Scalar>, at index: Int) -> UInt8? {
        guard text[index] == "%", index + 2 < text.endIndex,
              let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2])
        else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "0"..."9": UInt8(scalar.value - 0x30)
        case "A"..."F": UInt8(scalar.value - 0x41 + 10)
        case "a"..."f": UInt8(scalar.value - 0x61 + 10)
        default: nil
        }
    }

    private static func appendEscape(of byte: UInt8, to output: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        output.append(UInt8(ascii: "%"))
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0x0F)])
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIHexDigit: Bool { isASCIIDigit || ("A"..."F").contains(self) || ("a"..."f").contains(self) }
}

private extension String {
    /// The string with only `A`–`Z` mapped to `a`–`z`.
    var asciiLowercased: String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
        }))
    }
}
