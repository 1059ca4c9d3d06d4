import Foundation

/// Produces elements on a thread of its own and hands them to the consumer in order, in chunks,
/// through a bounded buffer: reading and parsing an import file overlaps with writing it, and a
/// producer that can only push (a parser calling back) can still be read one element at a time.
///
/// The producer runs on the background thread alone, from start to end. The consumer must call
/// ``finish()`` when it is done (a `defer`), also when it stops early: that stops the producer
/// and waits for its thread, so the producer (and anything it uses, such as a file or a
/// progress report) is never used after `finish()` returns.
package final class BackgroundSequence<Output: Sendable>: Sequence, IteratorProtocol, @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var chunks: [[Output]] = []
    private var producing = true
    private var stopping = false
    // The consumer's own.
    private var current: [Output] = []
    private var position = 0
    private let maxChunks: Int

    /// Starts `produce` at once on a thread of its own. It hands each element to `emit`, which
    /// returns `false` once the consumer has finished: `produce` should then return.
    /// - Parameters:
    ///   - chunkSize: Elements handed over at a time (one lock round trip each).
    ///   - maxChunks: Chunks produced ahead at most: memory stays bounded. With 0, each chunk
    ///     is handed over directly: the producer waits until the consumer has taken it before
    ///     it produces the next (one chunk ahead of the consumer, the one being handed over).
    package init(chunkSize: Int = 64, maxChunks: Int = 16, producing produce: @escaping (_ emit: (Output) -> Bool) -> Void) {
        self.maxChunks = maxChunks
        let work = TransferBox(produce)
        let thread = Thread { [self] in
            // The producer lives in this closure only, released before the consumer is told
            // the end: nothing of it runs after `finish()` returns.
            var producer = work.take()
            var chunk: [Output] = []
            chunk.reserveCapacity(chunkSize)
            var open = true
            producer?({ output in
                guard open, !isStopping else { return false }
                chunk.append(output)
                guard chunk.count == chunkSize else { return true }
                open = hand(chunk)
                chunk = []
                chunk.reserveCapacity(chunkSize)
                return open
            })
            if open, !chunk.isEmpty { _ = hand(chunk) }
            producer = nil
            condition.withLock {
                producing = false
                condition.broadcast()
            }
        }
        // Parsers recurse; give the thread the main thread's stack size.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Starts reading `source` at once, transforming each element on the background thread.
    package convenience init<Source: Sequence>(
        _ source: Source, chunkSize: Int = 64, maxChunks: Int = 16, transform: @escaping (Source.Element) -> Output
    ) {
        var iterator = source.makeIterator()
        self.init(chunkSize: chunkSize, maxChunks: maxChunks) { emit in
            while let element = iterator.next(), emit(transform(element)) {}
        }
    }

    package func next() -> Output? {
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

    /// Stops the producer (if still going) and waits until the background thread has left it.
    package func finish() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while producing { condition.wait() }
        condition.unlock()
    }

    private var isStopping: Bool { condition.withLock { stopping } }

    /// Queues a chunk, waiting while the buffer is full (with `maxChunks` 0, until the chunk is
    /// taken). Returns false when asked to stop.
    private func hand(_ chunk: [Output]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Swift.max(maxChunks, 1), !stopping { condition.wait() }
        guard !stopping else { return false }
        chunks.append(chunk)
        condition.broadcast()
        if maxChunks == 0 {
            while !chunks.isEmpty, !stopping { condition.wait() }
        }
        return !stopping
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
