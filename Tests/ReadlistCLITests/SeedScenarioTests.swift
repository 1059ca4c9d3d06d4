import Foundation
import Testing

/// The "done when" walk-through, through the real binary.
@Suite struct SeedScenarioTests {
    static let title = "US Looks To Position Ukraine For Better Negotiating Power As Resources Become Limited"
    static let quote = "the only way this war ends ultimately is through negotiation"

    @Test func theSeedArticleCanBeSavedHighlightedSearchedAndListed() throws {
        let workspace = try Workspace()
        let added = try workspace.succeed("add", "--file", "seeds/000_c54e80fb70a5c8fb.txt", "--tag", "politics")
        #expect(added.stdout.contains(Self.title))
        let id = try #require(added.stdout.split(separator: " ").dropFirst().first.map(String.init))
        #expect(UUID(uuidString: id) != nil)

        let highlighted = try workspace.succeed("highlight", "add", id, Self.quote)
        #expect(highlighted.stdout.contains(Self.quote))

        let search = try workspace.succeed("search", "negotiation")
        #expect(search.stdout.contains(Self.title))

        let list = try #require(try workspace.succeed("list", "--json").json() as? [[String: Any]])
        #expect(list.count == 1)
        let article = list[0]
        #expect(article.string("id") == id)
        #expect(article.string("title") == Self.title)
        #expect(article["tags"] as? [String] == ["politics"])
        #expect(article["read"] as? Bool == false)
        #expect(article["archived"] as? Bool == false)
        let highlights = try #require(article["highlights"] as? [[String: Any]])
        #expect(highlights.map { $0.string("quote") } == [Self.quote])
        #expect(highlights.first?["orphaned"] as? Bool == false)

        let again = try workspace.succeed("add", "--file", "seeds/000_c54e80fb70a5c8fb.txt")
        #expect(again.stdout.contains("Already saved \(id)"))
        #expect(try #require(try workspace.succeed("list", "--json", "--all").json() as? [Any]).count == 1)
    }

    @Test func theSampleSeedsKeepTheirMetadataAndLoseTheirChrome() throws {
        let workspace = try Workspace()
        let page = try #require(try workspace.succeed("add", "--file", "seeds/sample-article.html", "--json").json() as? [String: Any])
        let article = try #require(page["article"] as? [String: Any])
        #expect(article.string("title") == "Why Local-First Reading Lists Outlive Their Apps")
        #expect(article.string("byline") == "Ada Lindqvist")
        #expect(article.string("site") == "The Margin")
        #expect(article.string("publishedAt") == "2026-03-14T09:30:00Z")
        let id = try #require(article.string("id"))
        let content = try #require((try workspace.succeed("show", id, "--content", "--json").json() as? [String: Any])?.string("content"))
        #expect(content.contains("• Your tags keep the spelling you gave them."))
        #expect(!content.contains("subscribe to my channel") && !content.contains("inbox zero") && !content.contains("All rights reserved"))

        let notes = try #require(try workspace.succeed("add", "--file", "seeds/sample-notes.txt", "--json").json() as? [String: Any])
        let essay = try #require(notes["article"] as? [String: Any])
        #expect(essay.string("title") == "Field Notes On Sync Engines For Small Data")
        #expect(essay.string("byline") == "Tomas Okafor")
        let found = try #require(try workspace.succeed("search", "tombstone", "--json").json() as? [[String: Any]])
        #expect(found.compactMap { $0.string("title") } == ["Field Notes On Sync Engines For Small Data"])
    }
}
