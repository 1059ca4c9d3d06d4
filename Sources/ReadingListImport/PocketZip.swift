import Foundation
public import ReadingListModel

/// Pocket's 2025 export (readitlater.md §2.1): `pocket.zip`, holding `part_000000.csv`,
/// `part_000001.csv`, … of up to 10,000 records each, perhaps in a folder and beside other
/// files; or the folder it unpacks to.
///
/// The parts are read in the order of their numbers, one at a time and one record at a time,
/// each by the rules of ``PocketCSV``: a part is unpacked into a temporary file, read, and
/// removed before the next. An archive without `part_*.csv` files has its other `.csv` files
/// read, by name. Then the highlights in `annotations/part_*.json` (``PocketAnnotation``) are
/// added to the articles of their URLs. Other files are ignored. Problems name the file and
/// the line: `part_000001.csv line 7: …`.
public enum PocketZip {
    /// The records of the zip archive or folder at `path`, read one part and one record at a time.
    /// - Throws: ``ImportProblem`` (line 0) when it cannot be opened or holds no CSV file.
    public static func records(at path: String) throws(ImportProblem) -> PocketZipReader {
        let archive = try ExportArchive(path: path)
        let parts = parts(of: archive.files)
        guard !parts.isEmpty else {
            throw ImportProblem(
                line: 0,
                reason: "it holds no CSV files, where Pocket's export holds part_000000.csv, part_000001.csv, … (it holds \(archive.fileListing)); check that it is Pocket's export")
        }
        return PocketZipReader(
            parts: ArchivedCSVReader(archive: archive, parts: parts, required: ["url"], article: PocketCSV.article(from:)),
            archive: archive, annotations: annotations(of: archive.files))
    }

    /// The annotations files, `annotations/part_<number>.json`, in the order of their numbers.
    static func annotations(of files: [String]) -> [String] {
        files.compactMap { name -> (String, Int)? in
            let components = name.split(separator: "/")
            guard components.count >= 2, components[components.count - 2].lowercased() == "annotations",
                !name.hasPrefix("__MACOSX/"), let number = partNumber(name, extension: ".json")
            else { return nil }
            return (name, number)
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The CSV files to read, in order: the `part_<number>.csv` files by number, or else every
    /// `.csv` file by name.
    static func parts(of files: [String]) -> [String] {
        let csv = files.filter { $0.lowercased().hasSuffix(".csv") }
        let numbered = csv.compactMap { name in partNumber(name, extension: ".csv").map { (name, $0) } }
        guard !numbered.isEmpty else { return csv.sorted() }
        return numbered.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The number of a part, `part_000001.csv` → 1; `nil` for other names.
    static func partNumber(_ name: String, extension suffix: String) -> Int? {
        let base = (name as NSString).lastPathComponent.lowercased()
        guard base.hasPrefix("part_"), base.hasSuffix(suffix) else { return nil }
        let digits = base.dropFirst(5).dropLast(suffix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
