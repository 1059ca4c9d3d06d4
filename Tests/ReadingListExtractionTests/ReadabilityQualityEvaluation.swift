import Foundation
import ReadingListExtraction
import Testing

/// The extractor against Mozilla Readability over every shared page, with the scoring of
/// `readlist-bench extraction`: the quality targets must hold (times are measured by the
/// benchmark, never asserted here).
@Suite("Quality against Readability over the shared pages")
struct ReadabilityQualityEvaluation {
    @Test("Titles ≥ 95 % exact, bylines ≥ 80 %, mean content F1 ≥ 0.95, no page below 0.5")
    func qualityTargets() throws {
        let names = try TestResources.readabilityPageNames()
        try #require(!names.isEmpty, "no pages in \(TestResources.readabilityPagesDirectory.path)")
        var titles = 0
        var bylines = 0
        var scores: [(name: String, f1: Double)] = []
        for name in names {
            let folder = TestResources.readabilityPagesDirectory.appendingPathComponent(name)
            let source = try Data(contentsOf: folder.appendingPathComponent("source.html"))
            let expectedText = ExtractionScore.text(ofHTML: try Data(contentsOf: folder.appendingPathComponent("expected.html")))
            let metadata = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json"))) as? [String: Any] ?? [:]
            let article = try ArticleExtractor.extract(fileContents: source, fileName: "source.html")
            if ExtractionScore.matches(expected: metadata["title"] as? String, found: article.title) { titles += 1 }
            if ExtractionScore.matches(expected: metadata["byline"] as? String, found: article.byline) { bylines += 1 }
            scores.append((name, ExtractionScore.contentF1(expected: expectedText, found: article.text)))
        }
        let count = Double(names.count)
        let meanF1 = scores.map(\.f1).reduce(0, +) / count
        let lowest = try #require(scores.min { $0.f1 < $1.f1 })
        print("Quality: titles \(titles)/\(names.count), bylines \(bylines)/\(names.count), mean F1 \(meanF1), lowest \(lowest.f1) (\(lowest.name))")
        #expect(Double(titles) / count >= 0.95)
        #expect(Double(bylines) / count >= 0.80)
        #expect(meanF1 >= 0.95)
        for score in scores {
            #expect(score.f1 >= 0.5, "\(score.name): content F1 \(score.f1)")
        }
    }
}
