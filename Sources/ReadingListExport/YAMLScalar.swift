/// Values of the YAML front matter of a Markdown note, written by hand (the package has no
/// YAML library), for YAML 1.1 and 1.2 readers alike.
enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar, which a reader reads back exactly whatever it holds:
    /// colons, `#`, quotes, a leading `-` or `[`, `yes`/`no`, numbers, line breaks.
    ///
    /// `"` and `\` are escaped with a backslash; line feed, carriage return and tab as `\n`,
    /// `\r` and `\t`; every other character that is not printable in YAML (C0 and C1 controls,
    /// DEL, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) as `\uXXXX`. The rest is written as it is.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                switch scalar.value {
                case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                    result += "\\u" + hex(scalar.value)
                default:
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Four uppercase hexadecimal digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
