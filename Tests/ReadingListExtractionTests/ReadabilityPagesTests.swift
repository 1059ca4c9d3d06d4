import Foundation
import ReadingListExtraction
import Testing

/// Real pages from Mozilla Readability's test suite, read from the shared fixtures folder.
@Suite("Real pages")
struct ReadabilityPagesTests {
    /// Pages whose title our rules find exactly as Readability does, with a sentence of the article.
    @Test("Title matches Readability's and the text holds a sentence of the article", arguments: [
        ("ars-1", "The vulnerability stems from the fact that the client is allowed to send the server information about certain slots."),
        ("dropbox-blog", "Following are some restrictions we place on the callback logic (lambda):"),
        ("seattletimes-1", "Amazon bought Whole Foods in August 2017 for $13.7 billion, its largest acquisition and an aggressive move into the grocery business."),
        ("qq", "DeepMind表示，这款名为DNC（可微神经计算机）的AI模型可以接受家谱和伦敦地铁网络地图这样的信息"),
        ("lifehacker-post-comment-load", "It's okay to appeal to your wants every once in a while, as long as you're in control."),
    ])
    func titleAndSentence(name: String, sentence: String) throws {
        let page = try TestResources.readabilityPage(name)
        #expect(page.expectedHTML.contains(sentence), "the sentence must come from expected.html")
        let article = try ArticleExtractor.extract(fileContents: page.source, fileName: "source.html")
        #expect(article.title == page.expectedTitle)
        #expect(article.text.contains(sentence))
        #expect(article.wordCount > 100)
    }

    @Test("Comments loaded after the post are not part of the article")
    func lifehackerComments() throws {
        let page = try TestResources.readabilityPage("lifehacker-post-comment-load")
        let article = try ArticleExtractor.extract(fileContents: page.source, fileName: "source.html")
        #expect(!article.text.contains("My camping gear addiction"))
        #expect(article.byline == "Patrick Allan")
    }
}
