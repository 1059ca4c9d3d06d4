import ArgumentParser

/// The scenarios `readlist-bench` runs, in order.
enum Scenario: String, CaseIterable, ExpressibleByArgument {
    case save
    case `import`

    /// Runs the scenario at each size (those it applies to) and returns its figures.
    func run(sizes: [Int], runs: Int, scratch: ScratchFolder) throws -> [Figure] {
        switch self {
        case .save:
            return try sizes.map { size in
                try SaveBatchBenchmark.run(SyntheticLibrary(count: size, bodies: false), bodies: false, runs: runs, scratch: scratch)
            }
        case .import:
            return try sizes.map { size in
                try PocketImportBenchmark.run(SyntheticLibrary(count: size, bodies: false), runs: runs, scratch: scratch)
            }
        }
    }
}
