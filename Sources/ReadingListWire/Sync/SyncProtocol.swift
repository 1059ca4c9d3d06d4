/// Constants of the sync protocol.
public enum SyncProtocol {
    /// The protocol's name in `hello`.
    public static let name = "readlist-sync"
    /// The lowest version this implementation speaks.
    public static let minVersion = 1
    /// The highest version this implementation speaks.
    public static let maxVersion = 1
    /// Optional features this implementation supports (SPEC.md §6.1).
    public static let capabilities = [
        "checksum.v1", compactRowsCapability, dryRunCapability, "echo-suppression", "max-bytes", "summary", "unknown-fields",
    ]
    /// The capability a peer must list before it may be sent `done` with `dryRun`: a peer that
    /// ignored the key would apply what it was only meant to judge.
    public static let dryRunCapability = "dry-run"
    /// The capability a peer must list before it may be sent compact rows (SPEC.md §6.1):
    /// key parts by index into `ids`, and `e`, `t`, `r` left out where the row before has them.
    public static let compactRowsCapability = "compact-rows"

    /// The highest version both ranges contain, or `nil` when they do not overlap.
    public static func negotiate(_ local: ClosedRange<Int>, _ remote: ClosedRange<Int>) -> Int? {
        let version = min(local.upperBound, remote.upperBound)
        return version >= max(local.lowerBound, remote.lowerBound) ? version : nil
    }
}
