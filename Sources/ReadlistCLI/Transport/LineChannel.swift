import Foundation

/// Reads newline-terminated lines from a file handle, and writes them.
final class LineChannel {
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()

    init(input: FileHandle, output: FileHandle) {
        self.input = input
        self.output = output
    }

    /// The next line without its newline, or `nil` at the end of the input.
    func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            // availableData returns what has arrived (blocking until something has); empty at the end.
            let chunk = input.availableData
            guard !chunk.isEmpty else {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            buffer.append(chunk)
        }
    }

    /// Writes `line` and a newline.
    func write(_ line: Data) throws {
        try output.write(contentsOf: line + Data([0x0A]))
    }
}
