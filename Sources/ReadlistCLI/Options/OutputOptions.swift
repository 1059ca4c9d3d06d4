import ArgumentParser

/// `--json`.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (shapes in Protocol/schemas/v1).")
    var json = false
}
