import Foundation
import Testing
@testable import ReadingListImport

/// ``ImportFormat/detect(_:)`` for the HTML and JSON formats, and the times HTML exports hold.
@Suite struct ImportFormatTests {
    @Test(arguments: [
        ("firefox-bookmarks.html", ImportFormat.netscapeHTML), ("chrome-bookmarks.html", .netscapeHTML),
        ("linkding-bookmarks.html", .netscapeHTML), ("pinboard-bookmarks.html", .netscapeHTML),
        ("no-doctype-bookmarks.html", .netscapeHTML), ("pocket-legacy.html", .pocketHTML), ("pocket-empty.html", .pocketHTML),
        ("pocket-variant-a.csv", .pocketCSV), ("instapaper-new.csv", .instapaperCSV),
        ("wallabag-v2.json", .wallabagJSON), ("wallabag-malformed.json", .wallabagJSON), ("wallabag-truncated.json", .wallabagJSON),
        ("readlist-truncated.json", .readlistJSON),
    ])
    func fixturesAreDetected(name: String, format: ImportFormat) throws {
        #expect(ImportFormat.detect(try Fixtures.head(name)) == format)
    }

    @Test func htmlThatIsNeitherIsNotDetected() throws {
        #expect(ImportFormat.detect(try Fixtures.head("not-bookmarks.html")) == nil)
        #expect(ImportFormat.detect(Data("<dl><dt>term</dt><dd>definition</dd></dl>".utf8)) == nil)
        #expect(ImportFormat.detect(Data("<!doctype netscape-bookmark-file-1>".utf8)) == .netscapeHTML)
        #expect(ImportFormat.detect(Data("<html><DL><p>\n<DT>\n  <A HREF=\"https://a.example\">a</A>".utf8)) == .netscapeHTML)
        #expect(ImportFormat.detect(Data("<h1>Unread</h1><ul><li><a href=\"https://a.example\" time_added=\"1\">".utf8)) == .pocketHTML)
    }

    @Test func jsonListsAreWallabagsOnlyWithItsKeys() {
        #expect(ImportFormat.detect(Data("\u{FEFF}[\n  {\n    \"id\": 1, \"is_archived\": 0, \"url\": \"https://a.example\"".utf8)) == .wallabagJSON)
        #expect(ImportFormat.detect(Data(#"[{"title":"x","url":"https://a.example","annotations":[]}]"#.utf8)) == .wallabagJSON)
        #expect(ImportFormat.detect(Data(#"[{"title":"x","url":"https://a.example"}]"#.utf8)) == nil)
        #expect(ImportFormat.detect(Data(#"["is_archived"]"#.utf8)) == nil)
        #expect(ImportFormat.detect(Data(#"{"is_archived": true}"#.utf8)) == nil)
    }

    @Test func unixTimesInSecondsMillisecondsAndMicroseconds() {
        #expect(Date(unixTime: "1700000000") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Date(unixTime: "1700000000123") == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(Date(unixTime: "1700000000123456") == Date(timeIntervalSince1970: 1_700_000_000.123456))
        #expect(Date(unixTime: "32503679999") == Date(timeIntervalSince1970: 32_503_679_999), "seconds up to the year 2999")
        #expect(Date(unixTime: "40000000000") == nil, "too late as seconds, 1971 as milliseconds: garbage")
        #expect(Date(unixTime: "1700000000123456789") == nil)
        #expect(Date(unixTime: "1700000000.5") == Date(timeIntervalSince1970: 1_700_000_000), "a fraction is dropped")
        for garbage in ["", "0", "-1", "soon", "1.5e9", "1700000000.x", ".5"] {
            #expect(Date(unixTime: garbage) == nil, "\(garbage)")
        }
        #expect(Date(exportedTime: "1700000000") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Date(exportedTime: "2023-11-14T22:13:20Z") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(Date(exportedTime: "2023-09-01") == Date(timeIntervalSince1970: 1_693_526_400), "a date alone")
        #expect(Date(exportedTime: "yesterday") == nil && Date(exportedTime: "0") == nil)
    }
}
