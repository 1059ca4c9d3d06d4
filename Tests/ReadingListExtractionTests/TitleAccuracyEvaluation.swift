import Foundation
import ReadingListExtraction
import Testing

/// An evaluation, not a test: how often the extracted title equals Readability's over every
/// shared page. It asserts nothing and runs only when asked:
///
///     READLIST_EXTRACTION_EVAL=1 swift test --filter TitleAccuracyEvaluation
@Suite(
    "Title accuracy evaluation",
    .enabled(if: ProcessInfo.processInfo.environment["READLIST_EXTRACTION_EVAL"] != nil, "set READLIST_EXTRACTION_EVAL=1"),
    .enabled(if: TestResources.hasReadabilityPages, "needs ../shared/fixtures/readability-pages")
)
struct TitleAccuracyEvaluation {
    @Test("Report title accuracy over the shared pages")
    func report() throws {
        var exact = 0
        var exactOrSiteSuffix = 0
        var lines: [String] = []
        let names = try TestResources.readabilityPageNames()
        for name in names {
            let page = try TestResources.readabilityPage(name)
            let title = try? ArticleExtractor.extract(fileContents: page.source, fileName: "source.html").title
            if title == page.expectedTitle {
                exact += 1
                exactOrSiteSuffix += 1
                continue
            }
            // Readability keeps a trailing " - Site" that our rules remove on purpose.
            if let title, let expected = page.expectedTitle, expected.hasPrefix(title),
               TitleSeparators.all.contains(where: { expected.dropFirst(title.count).hasPrefix($0) }) {
                exactOrSiteSuffix += 1
                lines.append("  site suffix removed  \(name): \(title)")
                continue
            }
            lines.append("  different            \(name): expected \(page.expectedTitle ?? "nil"), got \(title ?? "nil")")
        }
        print("Title accuracy: \(exact)/\(names.count) exact; \(exactOrSiteSuffix)/\(names.count) counting removed site suffixes")
        lines.forEach { print($0) }
    }

    private enum TitleSeparators {
        static let all = [" | ", " - ", " — ", " – ", " :: ", " » "]
    }
}
