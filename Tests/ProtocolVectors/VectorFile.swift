public import Foundation

/// A file of protocol test vectors (`Protocol/vectors/vector-file.schema.json`): its cases,
/// decoded as `Case`, for tests in any target.
public struct VectorFile<Case: Decodable>: Decodable {
    public let protocolVersion: Int
    public let area: String
    public let cases: [Case]

    /// Loads `Protocol/vectors/v1/<area>/<fileName>`, checking that it is a protocol 1 file of
    /// that area.
    public static func load(area: String, fileName: String) throws -> [Case] {
        let file = try directory(area: area).appendingPathComponent(fileName)
        let vectors = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: file))
        guard vectors.protocolVersion == 1, vectors.area == area else {
            throw VectorFileError(description: "\(fileName) is not a protocol 1 \(area) vector file")
        }
        return vectors.cases
    }

    /// The nearest `Protocol/vectors/v1/<area>` above this source file.
    public static func directory(area: String) throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let vectors = directory.appendingPathComponent("Protocol/vectors/v1/\(area)")
            if FileManager.default.fileExists(atPath: vectors.path) { return vectors }
            directory.deleteLastPathComponent()
        }
        throw VectorFileError(description: "no Protocol/vectors/v1/\(area) above \(#filePath)")
    }
}

/// A vector file or case that cannot be used.
public struct VectorFileError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}
