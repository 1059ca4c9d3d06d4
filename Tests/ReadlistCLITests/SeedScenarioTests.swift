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
}
