public import Foundation

/// One file of an export that is a folder of files (markdown notes).
public struct ExportedFile: Sendable, Hashable {
    /// The file's name in the folder, e.g. `local-first-software-0f9c1e2d.md`. Never holds a
    /// path separator.
    public var name: String
    /// The file's bytes.
    public var contents: Data

    /// Creates a file.
    public init(name: String, contents: Data) {
        self.name = name
        self.contents = contents
    }
}
