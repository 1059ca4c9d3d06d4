import Foundation

/// Writes `line` to standard error: progress and warnings, kept apart from the figures on standard output.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
