/// Per-element text measurements of a tree, counting only text the filter lets through:
/// non-whitespace characters, characters inside links, headings and lists, commas, and the
/// paragraphs, images, list items and `<input>`s below the element.
struct TextStatistics {
    struct Counts {
        var characters = 0
        /// Characters inside links; a link to a place on the same page (`#…`) counts 0.3 per character.
        var linkCharacters = 0.0
        var commas = 0
        var headingCharacters = 0
        var listCharacters = 0
        var paragraphs = 0
        var images = 0
        var listItems = 0
        var inputs = 0

        /// Adds another element's counts.
        mutating func add(_ other: Counts) {
            characters += other.characters
            linkCharacters += other.linkCharacters
            commas += other.commas
            headingCharacters += other.headingCharacters
            listCharacters += other.listCharacters
            paragraphs += other.paragraphs
            images += other.images
            listItems += other.listItems
            inputs += other.inputs
        }

        /// One for the element itself when it is a paragraph, image, list item or input.
        mutating func count(tag name: String) {
            switch name {
            case "p": paragraphs += 1
            case "img": images += 1
            case "li": listItems += 1
            case "input": inputs += 1
            default: break
            }
        }

        /// The share of the text that sits inside links, from 0 to 1.
        var linkDensity: Double {
            characters == 0 ? 0 : linkCharacters / Double(characters)
        }
    }

    /// Counts by element index; elements not measured have none.
    private var countsByElement: [Counts?] = []

    init(root: HTMLElement, filter: ContentFilter) {
        _ = measure(root, filter: filter, linkWeight: 0)
    }

    /// The counts of an element; zero for excluded elements and elements outside the measured tree.
    func counts(for element: HTMLElement) -> Counts {
        element.index < countsByElement.count ? countsByElement[element.index] ?? Counts() : Counts()
    }

    /// `linkWeight` is 0 outside links, else what a character of link text counts.
    private mutating func measure(_ element: HTMLElement, filter: ContentFilter, linkWeight: Double) -> Counts {
        guard !filter.isExcluded(element) else { return Counts() }
        var linkWeight = linkWeight
        if linkWeight == 0, element.name == "a", let href = element.attributes["href"] {
            linkWeight = href.hasPrefix("#") ? 0.3 : 1
        }
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
                total.linkCharacters += linkWeight * Double(characters)
            case .element(let childElement):
                var childCounts = measure(childElement, filter: filter, linkWeight: linkWeight)
                if HTMLTagCategories.headings.contains(childElement.name) {
                    childCounts.headingCharacters = childCounts.characters
                } else if childElement.name == "ul" || childElement.name == "ol" {
                    childCounts.listCharacters = childCounts.characters
                }
                childCounts.count(tag: childElement.name)
                total.add(childCounts)
            }
        }
        if element.index >= countsByElement.count {
            countsByElement.append(contentsOf: repeatElement(nil, count: element.index - countsByElement.count + 1))
        }
        countsByElement[element.index] = total
        return total
    }
}
