import ArgumentParser
import ReadingList

/// `--timeout` and `--max-size`: how long a page fetch may take and how large a page may be.
struct FetchLimits: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds a fetch may take in all, redirects included.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("max-size"), help: ArgumentHelp("The largest page accepted, in MiB.", valueName: "MiB"))
    var maxSize: Double = 10

    mutating func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be more than 0 and at most 3600 seconds.") }
        guard maxSize > 0, maxSize <= 1024 else { throw ValidationError("--max-size must be more than 0 and at most 1024 MiB.") }
    }

    /// A fetcher keeping these limits (connecting may take at most 10 s of them).
    var fetcher: PageFetcher {
        PageFetcher(options: FetchOptions(connectTimeout: min(10, timeout), totalTimeout: timeout, maxBytes: Int(maxSize * 1024 * 1024)))
    }
}
