/// One measured figure: the median of several runs, the baseline measured in the same run when
/// the figure has one, and the target.
struct Figure: Sendable {
    /// What a target asks of the figure.
    enum Target: Sendable {
        /// The median over the baseline's median, at most this.
        case ratioAtMost(Double)
        /// The median itself, at most this (in the figure's unit).
        case atMost(Double)
        /// The median itself, at least this (in the figure's unit).
        case atLeast(Double)
    }

    /// What was measured, e.g. "save in one batch".
    var name: String
    /// Articles in the library the scenario ran on.
    var articles: Int
    /// The unit of `samples` and `median`: "s", "ms", "changes/s", "bytes", "MiB" or "×".
    var unit: String
    /// Every run's value, in the order measured.
    var samples: [Double]
    /// The plain-SQLite baseline's runs, in the same unit, when the figure has a baseline.
    var baselineSamples: [Double]?
    var target: Target?
    /// The scenario that measured it (its `--only` name), set by ``Scenario/run(_:)``.
    var scenario = ""

    var median: Double { Self.median(samples) }
    var baselineMedian: Double? { baselineSamples.map(Self.median) }
    /// The median over the baseline's median.
    var ratio: Double? { baselineMedian.map { median / $0 } }

    /// Whether the median meets the target; `nil` when the figure has none.
    var meetsTarget: Bool? {
        switch target {
        case .ratioAtMost(let limit): ratio.map { $0 <= limit }
        case .atMost(let limit): median <= limit
        case .atLeast(let limit): median >= limit
        case nil: nil
        }
    }

    /// The target as the table prints it.
    var targetDescription: String {
        switch target {
        case .ratioAtMost(let limit): "≤ \(Self.format(limit))× baseline"
        case .atMost(let limit): "≤ \(Self.format(limit)) \(unit)"
        case .atLeast(let limit): "≥ \(Self.format(limit)) \(unit)"
        case nil: ""
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A number with three significant digits, grouped by thousands above 1,000.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value >= 1_000 {
            let digits = String(Int(value.rounded()))
            var grouped = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            return grouped
        }
        if value >= 100 { return String(Int(value.rounded())) }
        if value >= 10 { return String((value * 10).rounded() / 10) }
        if value >= 1 { return String((value * 100).rounded() / 100) }
        return String((value * 1_000).rounded() / 1_000)
    }
}
