/// A charset label from a page, sorted into the families the resolver treats differently.
package enum CharsetLabel: Equatable {
    case utf8
    case windows1252
    /// Any other charset, with the names to try with iconv, best first.
    case other([String])

    package init(label: String) {
        let name = label.trimmingWhitespace().trimming(charactersIn: "\"'").lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
             // A page that declares UTF-16 in a meta element cannot be UTF-16 (the meta was readable as ASCII).
             "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            self = .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
             "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "us-ascii", "ascii",
             "ansi_x3.4-1968", "iso646-us", "":
            self = .windows1252
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58":
            self = .other(["GB18030", name])
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j":
            self = .other(["CP932", "SHIFT_JIS"])
        case "euc-kr", "cseuckr", "ks_c_5601-1987", "windows-949":
            self = .other(["CP949", "EUC-KR"])
        default:
            self = .other([name])
        }
    }
}
