import ArgumentParser

/// The scenarios `readlist-bench` runs, in order.
enum Scenario: String, CaseIterable, ExpressibleByArgument {
    case save
    case `import`
    case merge
    case firstSync = "first-sync"
    case firstSyncBodies = "first-sync-bodies"
    case incrementalSync = "incremental-sync"
    case wire
    case metadata
    case syncMemory = "sync-memory"
    case add
    case browse

    /// Runs the scenario and returns its figures, each naming it: at each size of `context`,
    /// except the scenarios whose figure the issue asks for at one size only, which run at one
    /// size given: the first sync with bodies (asked at 10,000) at the smallest, the peak
    /// memory of a first sync and the commands as whole processes (asked at 100,000) at the
    /// largest.
    func run(_ context: BenchContext) throws -> [Figure] {
        var figures = try measure(context)
        for index in figures.indices { figures[index].scenario = rawValue }
        return figures
    }

    private func measure(_ context: BenchContext) throws -> [Figure] {
        let sizes = context.sizes
        let smallest = sizes[0]
        let largest = sizes[sizes.count - 1]
        switch self {
        case .save:
            return try sizes.map { size in
                try SaveBatchBenchmark.run(context.libraries.synthetic(articles: size, bodies: false), bodies: false, context: context)
            }
        case .import:
            return try sizes.map { size in
                try PocketImportBenchmark.run(
                    context.libraries.synthetic(articles: size, bodies: false), runs: context.runs, scratch: context.scratch)
            }
        case .merge: return try sizes.map { try MergeThroughputBenchmark.run(articles: $0, context: context) }
        case .firstSync: return try sizes.map { try FirstSyncBenchmark.run(articles: $0, bodies: false, context: context) }
        case .firstSyncBodies: return [try FirstSyncBenchmark.run(articles: smallest, bodies: true, context: context)]
        case .incrementalSync: return try IncrementalSyncBenchmark.run(context: context)
        case .wire: return try sizes.map { try WireBytesBenchmark.run(articles: $0, context: context) }
        case .metadata: return try sizes.map { try SyncMetadataSizeBenchmark.run(articles: $0, context: context) }
        case .syncMemory: return [try SyncMemoryBenchmark.run(articles: largest, context: context)]
        case .add: return [try AddCommandBenchmark.run(articles: largest, context: context)]
        case .browse: return try BrowseCommandsBenchmark.run(articles: largest, context: context)
        }
    }
}
