import Foundation

/// Iterates a sequence on a thread of its own, transforming each element there, and hands the
/// results to the consumer in order, in chunks, through a bounded buffer: reading and parsing
/// an import file and canonicalizing its URLs overlap with writing it.
///
/// The source is used by the background thread alone, from start to end. The consumer must
/// call ``finish()`` when it is done (a `defer`), also when it stops early: that stops the
/// thread and waits for it, so the source (and any closure it calls, such as a progress
/// report) is never used after the consumer returns.
final class BackgroundSequence<Output: Sendable>: Sequence, IteratorProtocol, @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [[Output]] = []
    private var producing = true
    private var stopping = false
    // The consumer's own.
    private var current: [Output] = []
    private var position = 0
    private let maxChunks: Int

    /// Starts reading `source` at once.
    /// - Parameters:
    ///   - chunkSize: Results handed over at a time (one lock round trip each).
    ///   - maxChunks: Chunks read ahead at most: memory stays bounded on any file.
    init<Source: Sequence>(
        _ source: Source, chunkSize: Int = 64, maxChunks: Int = 16, transform: @escaping (Source.Element) -> Output
    ) {
        self.maxChunks = maxChunks
        var iterator = source.makeIterator()
        let work = TransferBox<() -> Output?> { iterator.next().map(transform) }
        let thread = Thread { [self] in
            // The source lives in this closure only, released before the consumer is told the
            // end: nothing of it runs after `finish()` returns.
            var produce = work.take()
            var chunk: [Output] = []
            chunk.reserveCapacity(chunkSize)
            while !isStopping, let output = produce?() {
                chunk.append(output)
                guard chunk.count == chunkSize else { continue }
                guard hand(chunk) else { break }
                chunk = []
                chunk.reserveCapacity(chunkSize)
            }
            if !chunk.isEmpty { _ = hand(chunk) }
            produce = nil
            condition.withLock {
                producing = false
                condition.broadcast()
            }
        }
        // Parsers recurse; give the thread the main thread's stack size.
        thread.stackSize = 8 << 20
        thread.start()
    }

    func next() -> Output? {
        if position == current.count {
            condition.lock()
            while chunks.isEmpty, producing { condition.wait() }
            guard !chunks.isEmpty else {
                condition.unlock()
                return nil
            }
            current = chunks.removeFirst()
            position = 0
            condition.broadcast()
            condition.unlock()
        }
        position += 1
        return current[position - 1]
    }

    /// Stops reading (if still going) and waits until the background thread has left the source.
    func finish() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while producing { condition.wait() }
        condition.unlock()
    }

    private var isStopping: Bool { condition.withLock { stopping } }

    /// Queues a chunk, waiting while the buffer is full. Returns false when asked to stop.
    private func hand(_ chunk: [Output]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= maxChunks, !stopping { condition.wait() }
        guard !stopping else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }
}

/// A value handed from one thread to another, which takes it out and is then its only user.
private final class TransferBox<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }

    func take() -> Value? {
        defer { value = nil }
        return value
    }
}
