import ReadingListModel
import Testing

@Suite struct QuoteAnchorTests {
    let text = "Héllo wörld — it’s  a   test.\n\nSecond PARAGRAPH here."

    @Test func anExactQuoteIsFoundAtItsFirstOccurrenceInScalars() throws {
        let anchor = try #require(QuoteAnchor.locate("wörld", in: text))
        #expect(anchor.start == 6)
        #expect(anchor.end == 11)
        #expect(anchor.quote == "wörld")
        #expect(anchor.prefix == "Héllo ")
        #expect(anchor.suffix.hasPrefix(" — it’s"))
        #expect(anchor.suffix.unicodeScalars.count == QuoteAnchor.contextLength)
    }

    @Test func decomposedTextCountsEachScalar() throws {
        let decomposed = "Cafe\u{301} au lait"
        let anchor = try #require(QuoteAnchor.locate("au", in: decomposed))
        #expect(anchor.start == 6)
    }

    @Test func caseWhitespaceAndTypographicDifferencesAreIgnored() throws {
        let anchor = try #require(QuoteAnchor.locate("  it's A TEST. second paragraph ", in: text))
        #expect(anchor.quote == "it’s  a   test.\n\nSecond PARAGRAPH")
        let dash = try #require(QuoteAnchor.locate("wörld - it's", in: text))
        #expect(dash.quote == "wörld — it’s")
    }

    @Test func aMissingQuoteIsNil() {
        #expect(QuoteAnchor.locate("goodbye", in: text) == nil)
        #expect(QuoteAnchor.locate("", in: text) == nil)
        #expect(QuoteAnchor.locate("   ", in: text) == nil)
        #expect(QuoteAnchor.locate("x", in: "") == nil)
    }

    @Test func presenceIsCheckedAtTheOffsetsThenAnywhere() {
        #expect(QuoteAnchor.isPresent("wörld", start: 6, end: 11, in: text))
        #expect(QuoteAnchor.isPresent("wörld", start: 0, end: 5, in: text))
        #expect(QuoteAnchor.isPresent("wörld", start: 500, end: 900, in: text))
        #expect(!QuoteAnchor.isPresent("planet", start: 6, end: 11, in: text))
    }
}
