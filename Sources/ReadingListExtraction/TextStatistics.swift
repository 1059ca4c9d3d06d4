/// Per-element text measurements of a tree, counting only text the filter lets through:
/// non-whitespace characters, characters inside links, and commas.
struct TextStatistics {
    struct Counts {
        var characters = 0
        var linkCharacters = 0
        var commas = 0

        /// The share of the text that sits inside links, from 0 to 1.
        var linkDensity: Double {
            characters == 0 ? 0 : Double(linkCharacters) / Double(characters)
        }
    }

    private var countsByElement: [ObjectIdentifier: Counts] = [:]

    init(root: HTMLElement, filter: ContentFilter) {
        _ = measure(root, filter: filter, insideLink: false)
    }

    /// The counts of an element; zero for excluded elements and elements outside the measured tree.
    func counts(for element: HTMLElement) -> Counts {
        countsByElement[ObjectIdentifier(element)] ?? Counts()
    }

    private mutating func measure(_ element: HTMLElement, filter: ContentFilter, insideLink: Bool) -> Counts {
        guard !filter.isExcluded(element) else { return Counts() }
        let isLink = insideLink || (element.name == "a" && element.attributes["href"] != nil)
        var total = Counts()
        for child in element.children {
            switch child {
            case .text(let text):
                var characters = 0
                var commas = 0
                for scalar in text.unicodeScalars where !scalar.isWhitespaceLike {
                    characters += 1
                    if scalar == "," || scalar == "，" || scalar == "、" { commas += 1 }
                }
                total.characters += characters
                total.commas += commas
                if isLink { total.linkCharacters += characters }
            case .element(let childElement):
                let childCounts = measure(childElement, filter: filter, insideLink: isLink)
                total.characters += childCounts.characters
                total.linkCharacters += childCounts.linkCharacters
                total.commas += childCounts.commas
            }
        }
        countsByElement[ObjectIdentifier(element)] = total
        return total
    }
}
