import ReadingListModel
import Testing

@Suite("CanonicalURL and CanonicalURLError")
struct CanonicalURLTests {
    @Test("Description is the raw value")
    func description() throws {
        let url = try CanonicalURL(parsing: "Example.com/A?utm_source=x")
        #expect(url.rawValue == "https://example.com/A")
        #expect(url.description == url.rawValue)
    }

    @Test("Equal canonical forms are equal values")
    func equality() throws {
        let first = try CanonicalURL(parsing: "HTTPS://EXAMPLE.COM:443/a/?b=2&a=1#top")
        let second = try CanonicalURL(parsing: "example.com/a?a=1&b=2&utm_medium=x")
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
    }

    @Test("Error message for an unsupported scheme")
    func unsupportedSchemeMessage() {
        #expect(throws: CanonicalURLError.self) { try CanonicalURL(parsing: "ftp://x.org/a") }
        do {
            _ = try CanonicalURL(parsing: "ftp://x.org/a")
        } catch {
            #expect(error.reason == .unsupportedScheme)
            #expect(error.description == #""ftp://x.org/a" is not a web address: only http and https URLs can be saved."#)
        }
    }

    @Test(
        "Every error message is one line quoting the input",
        arguments: [
            ("", CanonicalURLError.Reason.empty),
            ("not a url", .notAURL),
            ("mailto:a@example.com", .unsupportedScheme),
            ("http://", .missingHost),
            ("https://exa mple.com/", .invalidHost),
            ("https://example.com:99999/", .invalidPort),
            ("https://a\n\"b\\c\u{7}.com\u{2028}", .invalidHost),
        ]
    )
    func errorMessages(input: String, reason: CanonicalURLError.Reason) {
        do {
            let url = try CanonicalURL(parsing: input)
            Issue.record("parsed \(url)")
        } catch {
            #expect(error.reason == reason)
            #expect(error.input == input)
            #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(!error.description.contains("\u{2028}"))
            #expect(error.description.hasPrefix("\""))
            #expect(error.description.hasSuffix("."))
        }
    }

    @Test("Long input is shortened in the message")
    func longInputMessage() {
        let input = "ftp://" + String(repeating: "a", count: 500)
        #expect(throws: CanonicalURLError.self) { try CanonicalURL(parsing: input) }
        do {
            _ = try CanonicalURL(parsing: input)
        } catch {
            #expect(error.input == input)
            #expect(error.description.count < 250)
            #expect(error.description.contains("…"))
        }
    }

    @Test("Reason codes are the spec's")
    func reasonCodes() {
        let codes: [CanonicalURLError.Reason: String] = [
            .empty: "empty", .notAURL: "not_a_url", .unsupportedScheme: "unsupported_scheme",
            .missingHost: "missing_host", .invalidHost: "invalid_host", .invalidPort: "invalid_port",
        ]
        for (reason, code) in codes {
            #expect(reason.rawValue == code)
        }
    }

    @Test("Arbitrary input never crashes and canonical forms are stable")
    func arbitraryInput() throws {
        let alphabet = Array(
            "ab.:/?#[]@%!&=+-_~ 09AZé\u{301}İ\u{3000}\u{1F680}\u{10041}xn--HTTPhttps".unicodeScalars
        )
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<3000 {
            var input = String.UnicodeScalarView()
            let prefix = ["", "https://", "http://", "//"][Int(generator.next() % 4)]
            input.append(contentsOf: prefix.unicodeScalars)
            for _ in 0..<Int(generator.next() % 24) {
                input.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            guard let url = try? CanonicalURL(parsing: String(input)) else { continue }
            #expect(url.rawValue.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(try CanonicalURL(parsing: url.rawValue) == url)
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so the test is repeatable.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
