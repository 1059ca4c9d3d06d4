/// Readability's conditional cleaning (`_cleanConditionally`): inside the chosen content, a
/// `div`, `ul`, data-less `table`, `form` or `fieldset` with fewer than ten commas is dropped
/// when it looks like page furniture rather than prose: more list items than paragraphs, more
/// images than twice its paragraphs, a form of more fields than a third of its paragraphs, a
/// short block of links, or links making up more than a fifth of its text (half for blocks
/// whose class or id says they are content). Embedded videos carry no text and are not judged.
final class ConditionalCleaner {
    let statistics: TextStatistics
    /// Whether each table seen is a data table, so a big layout table is examined once.
    private var dataTables: [ObjectIdentifier: Bool] = [:]

    init(statistics: TextStatistics) {
        self.statistics = statistics
    }

    /// Tags that are cleaned conditionally.
    static let cleanedTags: Set<String> = ["div", "ul", "table", "form", "fieldset"]

    /// Whether `element` should be left out of the content.
    func isFurniture(_ element: HTMLElement) -> Bool {
        guard Self.cleanedTags.contains(element.name) else { return false }
        let counts = statistics.counts(for: element)
        guard counts.commas < 10 else { return false }
        if element.name == "table" && isDataTable(element) { return false }
        if element.ancestor(where: { $0.name == "code" || $0.name == "pre" || ($0.name == "table" && isDataTable($0)) }) != nil {
            return false
        }
        let weight = ClassHints.weight(of: element)
        let isList = element.name == "ul"
            || (counts.characters > 0 && Double(counts.listCharacters) / Double(counts.characters) > 0.9)
        let paragraphs = Double(counts.paragraphs)
        let images = Double(counts.images)
        let headingDensity = counts.characters == 0 ? 0 : Double(counts.headingCharacters) / Double(counts.characters)
        let linkDensity = counts.linkDensity
        let length = counts.characters
        if counts.images > 1 && paragraphs / images < 0.5 && element.ancestor(where: { $0.name == "figure" }) == nil {
            return true
        }
        if !isList && counts.listItems > counts.paragraphs + 100 { return true }
        // Fields, buttons and embeds are removed before other blocks are judged; only forms count their inputs.
        if (element.name == "form" || element.name == "fieldset") && Double(counts.inputs) > (paragraphs / 3).rounded(.down) {
            return true
        }
        if !isList && headingDensity < 0.9 && length < 25 && (counts.images == 0 || counts.images > 2) && linkDensity > 0 {
            return true
        }
        if !isList && weight < 25 && linkDensity > 0.2 { return true }
        if weight >= 25 && linkDensity > 0.5 { return true }
        return false
    }

    /// Readability's test for a table of data rather than of layout: a caption, header cells
    /// or a summary; no nested table; ten rows or more, more than four columns, or more than
    /// ten cells.
    private func isDataTable(_ table: HTMLElement) -> Bool {
        let key = ObjectIdentifier(table)
        if let known = dataTables[key] { return known }
        let isData = Self.isDataTable(table)
        dataTables[key] = isData
        return isData
    }

    static func isDataTable(_ table: HTMLElement) -> Bool {
        if table.attribute("role")?.lowercased() == "presentation" || table.attribute("datatable") == "0" { return false }
        if table.attribute("summary") != nil { return true }
        var rows = 0
        var columns = 0
        var stack = table.childElements
        while let element = stack.popLast() {
            switch element.name {
            case "caption", "thead", "tfoot", "th", "col", "colgroup":
                if element.name != "col" && element.name != "colgroup" { return true }
            case "table":
                return false
            case "tr":
                rows += 1
                columns = max(columns, element.childElements.filter { $0.name == "td" || $0.name == "th" }.count)
            default:
                break
            }
            stack.append(contentsOf: element.childElements)
        }
        return rows >= 10 || columns > 4 || rows * columns > 10
    }
}
