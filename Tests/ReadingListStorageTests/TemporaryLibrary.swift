import Foundation
@testable import ReadingListStorage

/// A library file in a fresh temporary folder, removed when the value is released.
final class TemporaryLibrary: @unchecked Sendable {
    let folder: URL
    let path: String
    let library: ReadingLibrary

    init(now: @escaping @Sendable () -> Date = { Date() }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("readlist-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("library.sqlite").path
        library = try ReadingLibrary(path: path, now: now)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A clock that tests move by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(seconds: TimeInterval) { lock.withLock { current += seconds } }
}
