/// Why a string has no canonical URL (SPEC.md §2.3).
public struct CanonicalURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule the input broke. Raw values are the reason codes used in the spec and test vectors.
    public enum Reason: String, Sendable, Hashable {
        /// Nothing but white space.
        case empty
        /// Neither an absolute URL nor a host name such as `example.com/page`.
        case notAURL = "not_a_url"
        /// A scheme other than `http` or `https`, such as `ftp:` or `mailto:`.
        case unsupportedScheme = "unsupported_scheme"
        /// No host, as in `http://` or `https:/path`.
        case missingHost = "missing_host"
        /// A host with an empty label, a disallowed character, a bad percent escape or a bad IPv6 literal.
        case invalidHost = "invalid_host"
        /// A port that is not a decimal number from 0 to 65535.
        case invalidPort = "invalid_port"
    }

    /// The string as it was given, before trimming.
    public let input: String
    /// The rule the input broke.
    public let reason: Reason

    /// Creates an error for `input`, which broke the rule `reason`.
    init(input: String, reason: Reason) {
        self.input = input
        self.reason = reason
    }

    /// One line saying what is wrong, quoting the input, and how to fix it.
    public var description: String {
        let quoted = Self.quoted(input)
        switch reason {
        case .empty:
            return "\(quoted) is empty: enter a web address such as https://example.com/article."
        case .notAURL:
            return "\(quoted) is not a web address: enter a link such as https://example.com/article."
        case .unsupportedScheme:
            return "\(quoted) is not a web address: only http and https URLs can be saved."
        case .missingHost:
            return "\(quoted) has no site name: include one, as in https://example.com/article."
        case .invalidHost:
            return "\(quoted) has an invalid site name: use letters, digits, hyphens and dots, as in example.com."
        case .invalidPort:
            return "\(quoted) has an invalid port: use a number from 0 to 65535, or leave the port out."
        }
    }

    /// Longest input quoted in full by `description`; longer input is shortened with "…".
    private static let quotedLengthLimit = 120

    /// `text` in double quotes, on one line: control characters, quotes and backslashes escaped.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == quotedLengthLimit {
                result += "…"
                break
            }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}":
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
