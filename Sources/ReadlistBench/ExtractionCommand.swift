import ArgumentParser
import Foundation
import ReadingListExtraction

/// `readlist-bench extraction [FOLDER]`: runs the article extractor over a folder of reference
/// pages (each a subfolder with `source.html`, `expected.html`, `expected-metadata.json`) and
/// prints, per page and in total, title/byline/excerpt matches, content F1 and extraction time.
struct ExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Score article extraction against reference pages (Mozilla Readability's layout).",
        discussion: """
            Each subfolder of FOLDER is a page: source.html (required), expected.html (the reference \
            content) and expected-metadata.json (title, byline, excerpt…). Titles, bylines and excerpts \
            match when equal after collapsing whitespace (missing and empty match each other). Content \
            is scored by the F1 of the bags of tokens of the extracted text and of expected.html's text \
            (lowercased runs of letters and digits; each CJK ideograph or kana is a token). Times are the \
            median of --repetitions extractions of the page (decoding, parsing and extraction); build in \
            release mode for meaningful times.
            """)

    @Argument(help: "The folder of page folders (or one page folder).")
    var folder = "../shared/fixtures/readability-pages"

    @Option(name: .long, help: "Also write every figure to this JSON file.")
    var json: String?

    @Option(name: .long, help: "Extractions per page; the time reported is their median.")
    var repetitions = 5

    @Flag(name: .long, help: "Show the expected and extracted value of every metadata mismatch.")
    var details = false

    @Option(name: .long, help: "Print the extracted text of this page (a folder name) instead of scoring.")
    var showText: String?

    mutating func validate() throws {
        guard repetitions > 0 else { throw ValidationError("--repetitions must be at least 1.") }
    }

    func run() throws {
        let folderURL = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(folder) is not a folder (expected a folder of page folders, each with a source.html).")
        }
        // A single page folder is scored on its own.
        let isPage = FileManager.default.fileExists(atPath: folderURL.appendingPathComponent("source.html").path)
        let pageFolders = isPage ? [folderURL] : try ReferencePage.pageFolders(in: folderURL)
        guard !pageFolders.isEmpty else {
            throw ValidationError("\(folder) holds no page folders (subfolders with a source.html, expected.html or expected-metadata.json).")
        }
        if let showText {
            let page = try ReferencePage(folder: folderURL.appendingPathComponent(showText))
            let article = try ArticleExtractor.extract(fileContents: page.source, fileName: "source.html")
            print("title: \(article.title ?? "nil")\nbyline: \(article.byline ?? "nil")\nexcerpt: \(article.excerpt ?? "nil")\n")
            print(article.text)
            return
        }
        let machine = MachineDescription.current()
        if machine.build == "debug" {
            printError("readlist-bench: this is a debug build; its times are not comparable. Use swift build -c release.")
        }
        var scores: [PageScore] = []
        var skipped: [String: String] = [:]
        for pageFolder in pageFolders {
            do {
                let page = try ReferencePage(folder: pageFolder)
                scores.append(score(page))
            } catch {
                skipped[error.page] = error.reason
            }
        }
        let report = ExtractionReport(
            folder: folderURL.path, repetitions: repetitions, machine: machine, pages: scores, skipped: skipped)
        report.lines(details: details).forEach { print($0) }
        if let json {
            try report.json().write(to: URL(fileURLWithPath: json))
        }
    }

    private func score(_ page: ReferencePage) -> PageScore {
        var article: ExtractedArticle?
        var times: [Double] = []
        var problems: [String] = []
        for _ in 0..<repetitions {
            var result: Result<ExtractedArticle, ExtractionError> = .failure(ExtractionError(description: "not run"))
            let seconds = Stopwatch.seconds {
                do throws(ExtractionError) {
                    result = .success(try ArticleExtractor.extract(fileContents: page.source, fileName: "source.html"))
                } catch {
                    result = .failure(error)
                }
            }
            times.append(seconds * 1000)
            switch result {
            case .success(let extracted): article = extracted
            case .failure(let error): problems = ["extraction failed: \(error.description)"]
            }
        }
        var score = PageScore(page: page, article: article, milliseconds: ExtractionReport.median(times) ?? 0)
        score.problems += problems
        return score
    }
}
