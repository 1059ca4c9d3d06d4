import Foundation

/// The scores of every reference page and their totals: printed as a table, saved as JSON.
struct ExtractionReport: Encodable, Sendable {
    /// Totals over the pages that have the reference each figure needs.
    struct Totals: Encodable, Sendable {
        var pages: Int
        /// Percentages of exact matches, nil when no page has expected metadata.
        var titlePercent: Double?
        var bylinePercent: Double?
        var excerptPercent: Double?
        var meanF1: Double?
        var minimumF1: Double?
        var minimumF1Page: String?
        /// The median over pages of each page's median extraction time.
        var medianMilliseconds: Double?
    }

    var folder: String
    var repetitions: Int
    var machine: MachineDescription
    var pages: [PageScore]
    /// Page folders that could not be scored, with why.
    var skipped: [String: String]
    var totals: Totals

    init(folder: String, repetitions: Int, machine: MachineDescription, pages: [PageScore], skipped: [String: String]) {
        self.folder = folder
        self.repetitions = repetitions
        self.machine = machine
        self.pages = pages
        self.skipped = skipped
        let scored = pages.compactMap { page in page.contentF1.map { (page.page, $0) } }
        let lowest = scored.min { $0.1 < $1.1 }
        totals = Totals(
            pages: pages.count,
            titlePercent: Self.percent(pages.compactMap(\.titleMatches)),
            bylinePercent: Self.percent(pages.compactMap(\.bylineMatches)),
            excerptPercent: Self.percent(pages.compactMap(\.excerptMatches)),
            meanF1: scored.isEmpty ? nil : scored.map(\.1).reduce(0, +) / Double(scored.count),
            minimumF1: lowest?.1, minimumF1Page: lowest?.0,
            medianMilliseconds: Self.median(pages.map(\.milliseconds)))
    }

    /// One line per page, then the totals.
    func lines(details: Bool) -> [String] {
        var lines = ["page                                   title byline excerpt     F1       ms"]
        for page in pages {
            let name = page.page.count > 38 ? String(page.page.prefix(37)) + "…" : page.page
            lines.append(
                name.padding(toLength: 38, withPad: " ", startingAt: 0)
                    + Self.mark(page.titleMatches, width: 6) + Self.mark(page.bylineMatches, width: 7)
                    + Self.mark(page.excerptMatches, width: 8)
                    + Self.pad(page.contentF1.map { String(format: "%.3f", $0) } ?? "-", 7)
                    + Self.pad(String(format: "%.2f", page.milliseconds), 9))
            if details {
                if page.titleMatches == false { lines.append("    title:   expected \(Self.quoted(page.expectedTitle)), got \(Self.quoted(page.title))") }
                if page.bylineMatches == false { lines.append("    byline:  expected \(Self.quoted(page.expectedByline)), got \(Self.quoted(page.byline))") }
                if page.excerptMatches == false { lines.append("    excerpt: expected \(Self.quoted(page.expectedExcerpt)), got \(Self.quoted(page.excerpt))") }
            }
            for problem in page.problems { lines.append("    note: \(problem)") }
        }
        for (name, reason) in skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("\(name): skipped, \(reason)")
        }
        lines.append("")
        lines.append(
            "\(totals.pages) page\(totals.pages == 1 ? "" : "s"): title \(Self.percentText(totals.titlePercent)) exact, byline \(Self.percentText(totals.bylinePercent)), "
                + "excerpt \(Self.percentText(totals.excerptPercent)); content F1 mean "
                + (totals.meanF1.map { String(format: "%.3f", $0) } ?? "-") + ", minimum "
                + (totals.minimumF1.map { String(format: "%.3f", $0) } ?? "-")
                + (totals.minimumF1Page.map { " (\($0))" } ?? "") + "; median "
                + (totals.medianMilliseconds.map { String(format: "%.2f", $0) } ?? "-") + " ms per page")
        return lines
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The median, or nil when there are no values.
    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : Figure.median(values)
    }

    private static func percent(_ matches: [Bool]) -> Double? {
        guard !matches.isEmpty else { return nil }
        return 100 * Double(matches.filter { $0 }.count) / Double(matches.count)
    }

    private static func percentText(_ value: Double?) -> String {
        value.map { String(format: "%.1f %%", $0) } ?? "-"
    }

    private static func mark(_ match: Bool?, width: Int) -> String {
        pad(match.map { $0 ? "yes" : "NO" } ?? "-", width)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "\"\($0)\"" } ?? "nil"
    }
}
