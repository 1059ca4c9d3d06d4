import Foundation

/// Every figure of one benchmark run, with the machine: printed as a table, saved as JSON.
struct BenchReport: Sendable {
    var machine: MachineDescription
    /// Runs per figure (each figure's median is over this many).
    var runs: Int
    /// The scenarios run, by their `--only` names.
    var scenarios: [String]
    var figures: [Figure] = []

    /// The table of medians, one figure per line, in Markdown.
    var table: String {
        var lines = [
            "| figure | articles | median | baseline | ratio | target | met |",
            "|---|---:|---:|---:|---:|---|---|",
        ]
        for figure in figures {
            let baseline = figure.baselineMedian.map { "\(Figure.format($0)) \(figure.unit)" } ?? ""
            let ratio = figure.ratio.map { "\(Figure.format($0))×" } ?? ""
            let met = figure.meetsTarget.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append(
                "| \(figure.name) | \(Figure.format(Double(figure.articles))) | \(Figure.format(figure.median)) \(figure.unit) | \(baseline) | \(ratio) | \(figure.targetDescription) | \(met) |")
        }
        return lines.joined(separator: "\n")
    }

    /// One line about the machine and the build, for under the table.
    var machineLine: String {
        "\(machine.cores) cores, \(machine.cpu), \(machine.system); commit \(machine.commit), \(machine.build) build, median of \(runs) run\(runs == 1 ? "" : "s"), \(machine.date)"
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONShape(self))
    }

    /// The JSON file: each figure with its median, baseline and ratio spelled out.
    private struct JSONShape: Encodable {
        struct FigureShape: Encodable {
            var scenario: String
            var name: String
            var articles: Int
            var unit: String
            var median: Double
            var samples: [Double]
            var baselineMedian: Double?
            var baselineSamples: [Double]?
            var ratio: Double?
            var target: String?
            var met: Bool?
        }

        var machine: MachineDescription
        var runs: Int
        var scenarios: [String]
        var figures: [FigureShape]

        init(_ report: BenchReport) {
            machine = report.machine
            runs = report.runs
            scenarios = report.scenarios
            figures = report.figures.map { figure in
                FigureShape(
                    scenario: figure.scenario, name: figure.name, articles: figure.articles, unit: figure.unit, median: figure.median,
                    samples: figure.samples, baselineMedian: figure.baselineMedian, baselineSamples: figure.baselineSamples,
                    ratio: figure.ratio, target: figure.target == nil ? nil : figure.targetDescription, met: figure.meetsTarget)
            }
        }
    }
}
