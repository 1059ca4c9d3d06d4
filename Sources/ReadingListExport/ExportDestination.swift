/// Where an export is written.
public enum ExportDestination: Sendable, Hashable {
    /// Standard output, as the document is made: json, html or csv, not markdown. A failure
    /// leaves what was already written.
    case standardOutput
    /// For json, html and csv, a file, replaced atomically: a reader sees the earlier file or
    /// the new one, never a part, and a failure leaves the earlier file as it was. For markdown,
    /// a folder, made if missing, where each note is written atomically and replaces a file of
    /// the same name; other files in it are left alone.
    case path(String)
}
