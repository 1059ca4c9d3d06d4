@testable import ReadingListModel
import Testing

@Suite("TagName")
struct TagNameTests {
    @Test("Names with the same key are equal and hash alike")
    func equalityByKey() throws {
        let straße = try #require(TagName("Straße"))
        let strasse = try #require(TagName("  STRASSE "))
        #expect(straße == strasse)
        #expect(Set([straße, strasse]).count == 1)
        #expect(straße.display == "Straße")
        #expect(strasse.display == "STRASSE")
        #expect(straße.id == strasse.id)
    }

    @Test("Different keys are different tags")
    func differentKeys() throws {
        let dotted = try #require(TagName("İstanbul"))
        let plain = try #require(TagName("Istanbul"))
        #expect(dotted != plain)
        #expect(dotted.id != plain.id)
    }

    @Test("Description is the display name")
    func description() throws {
        let tag = try #require(TagName("  Machine \t Learning "))
        #expect(tag.description == "Machine Learning")
    }

    @Test("Id is the tag id of the key")
    func id() throws {
        let tag = try #require(TagName("Swift"))
        #expect(tag.id == Identity.tagID(forKey: "swift"))
    }

    @Test("Nothing but white space is no tag", arguments: ["", " ", "\t\n", "\u{3000}\u{A0}\u{85}"])
    func empty(input: String) {
        #expect(TagName(input) == nil)
    }
}

/// The ASCII fast path of lowercasing and case folding gives what the Unicode tables give.
@Suite struct ASCIILowercaseTests {
    @Test func theFastPathAgreesWithTheTablesOnEveryASCIIScalar() throws {
        for value in UInt32(0)..<0x80 {
            let scalar = try #require(Unicode.Scalar(value))
            let fast = try #require(UnicodeText.asciiLowercased(String(scalar)))
            let tables = UnicodeText.tableMappings(ofASCII: value)
            #expect(fast == String(String.UnicodeScalarView(tables.lowercase ?? [scalar])), "lowercase of \(value)")
            #expect(fast == String(String.UnicodeScalarView(tables.folded ?? [scalar])), "folding of \(value)")
        }
        #expect(UnicodeText.asciiLowercased("Straße") == nil)
        #expect(UnicodeText.asciiLowercased("Mixed Case-Tag") == "mixed case-tag")
    }
}
