/// Counts words following the main rules of Unicode word boundaries (UAX #29):
/// runs of letters, marks and digits are words; an apostrophe or period between
/// letters and a comma or period between digits do not split a word; each Han
/// ideograph or Hiragana character is a word of its own; Katakana runs are one word.
enum WordCounter {
    private enum ScalarClass: Equatable {
        case letterOrDigit
        case ideograph
        case katakana
        case midLetter  // ' ’ . · between letters
        case midNumber  // , . ; between digits
        case other
    }

    static func count(in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        var index = 0
        var previousWord: ScalarClass? = nil  // class of the word run we are inside, if any
        while index < scalars.count {
            let scalar = scalars[index]
            let scalarClass = classify(scalar)
            switch scalarClass {
            case .ideograph:
                count += 1
                previousWord = nil
            case .katakana, .letterOrDigit:
                if previousWord != scalarClass { count += 1 }
                previousWord = scalarClass
            case .midLetter, .midNumber:
                let joins = previousWord == .letterOrDigit
                    && index + 1 < scalars.count
                    && joinsAcross(scalars[index - 1], scalar, scalars[index + 1])
                if !joins { previousWord = nil }
            case .other:
                previousWord = nil
            }
            index += 1
        }
        return count
    }

    private static func joinsAcross(_ before: Unicode.Scalar, _ middle: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        let beforeIsDigit = before.isASCII ? (0x30...0x39).contains(before.value) : before.properties.numericType != nil
        let afterIsDigit = after.isASCII ? (0x30...0x39).contains(after.value) : after.properties.numericType != nil
        if beforeIsDigit && afterIsDigit {
            return [",", ".", ";", "'", "’"].contains(middle)
        }
        let beforeIsLetter = classify(before) == .letterOrDigit && (before.isASCII ? !beforeIsDigit && before != "_" : before.properties.isAlphabetic)
        let afterIsLetter = classify(after) == .letterOrDigit && (after.isASCII ? !afterIsDigit && after != "_" : after.properties.isAlphabetic)
        return beforeIsLetter && afterIsLetter && ["'", "’", ".", "·", ":"].contains(middle)
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            // ASCII, without a property lookup.
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .letterOrDigit
            case 0x27, 0x3A: return .midLetter
            case 0x2C, 0x3B, 0x2E: return .midNumber
            default: return .other
            }
        }
        if (0x30A0...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value) || (0xFF66...0xFF9F).contains(value) {
            return .katakana
        }
        if scalar.properties.isIdeographic || (0x3040...0x309F).contains(value) {
            return .ideograph
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            return .letterOrDigit
        default:
            break
        }
        switch scalar {
        case "'", "’", "·", ":": return .midLetter
        case ",", ";", ".": return .midNumber
        default: return .other
        }
    }
}
