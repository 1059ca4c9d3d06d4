import Foundation
@testable import ReadingListSupport
import Testing

/// The import's read-ahead thread hands over every element in order, and stops reading the
/// source once the consumer is finished, even when it stops early.
@Suite struct BackgroundSequenceTests {
    @Test func everyElementArrivesTransformedAndInOrder() {
        let sequence = BackgroundSequence(0..<10_000, chunkSize: 7, maxChunks: 3) { $0 * 2 }
        defer { sequence.finish() }
        #expect(Array(sequence) == (0..<10_000).map { $0 * 2 })
    }

    @Test func anEmptySourceEndsAtOnce() {
        let sequence = BackgroundSequence(EmptyCollection<Int>()) { $0 }
        defer { sequence.finish() }
        #expect(sequence.next() == nil)
    }

    @Test func finishingEarlyStopsReadingTheSource() {
        let counter = ReadCounter()
        let source = counting(0..<1_000_000, into: counter)
        let sequence = BackgroundSequence(source, chunkSize: 10, maxChunks: 2) { $0 }
        #expect(sequence.next() == 0)
        sequence.finish()
        let read = counter.value
        #expect(read <= 10 * 4, "read ahead at most the buffer (and the chunk being filled)")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(counter.value == read, "the source is not read after finish() returns")
    }
}

extension BackgroundSequenceTests {
    @Test func withNoBufferTheProducerIsOneChunkAheadOfTheConsumer() {
        let counter = ReadCounter()
        let source = counting(0..<100, into: counter)
        let sequence = BackgroundSequence(source, chunkSize: 1, maxChunks: 0) { $0 }
        defer { sequence.finish() }
        for expected in 0..<5 {
            #expect(sequence.next() == expected)
            // The producer reads the next element, then must wait; give it time to run further if it could.
            let deadline = Date().addingTimeInterval(5)
            while counter.value < expected + 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
            Thread.sleep(forTimeInterval: 0.02)
            #expect(counter.value == expected + 2, "the element taken, and the next one being handed over")
        }
        #expect(Array(sequence) == Array(5..<100))
    }

    @Test func theSourceIsReleasedBeforeFinishReturns() {
        let released = ReadCounter()
        do {
            let sequence = BackgroundSequence(TrackedSource(released: released), chunkSize: 4, maxChunks: 1) { $0 }
            #expect(sequence.next() == 0)
            sequence.finish()
            #expect(released.value == 1, "the reading thread let go of the source (an unpacked archive, say) before finish() returned")
        }
    }
}

/// `range`, counting each element read in `counter`.
private func counting(_ range: Range<Int>, into counter: ReadCounter) -> some Sequence<Int> {
    range.lazy.map { value in
        counter.increment()
        return value
    }
}

/// An endless source whose iterator counts its release.
private struct TrackedSource: Sequence {
    let released: ReadCounter

    final class Iterator: IteratorProtocol {
        let released: ReadCounter
        var position = 0
        init(released: ReadCounter) { self.released = released }
        deinit { released.increment() }
        func next() -> Int? {
            defer { position += 1 }
            return position
        }
    }

    func makeIterator() -> Iterator { Iterator(released: released) }
}

private final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
