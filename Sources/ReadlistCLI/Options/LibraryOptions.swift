import ArgumentParser
import Foundation
import ReadingList

/// `--db` and how the library path is found.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library file.", valueName: "path"))
    var db: String?

    /// `--db`, else `$READLIST_DB`, else the XDG data folder (created if missing).
    func open() throws(ReadingListError) -> ReadingLibrary {
        let environment = ProcessInfo.processInfo.environment
        if let path = db ?? environment["READLIST_DB"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return try ReadingLibrary(path: path)
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let folder = dataHome + "/readlist"
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReadingListError(
                .libraryUnavailable, "Cannot create the library folder \(folder): \(error.localizedDescription). Pass --db PATH instead.")
        }
        return try ReadingLibrary(path: folder + "/library.sqlite")
    }
}
