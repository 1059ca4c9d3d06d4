import Foundation
import GRDB
import GRDBSQLite

/// `readlist_bm25(article_search, keep, weights...)`: FTS5's `bm25()`, computed only where it
/// can matter to a query that keeps the best `keep` rows.
///
/// `bm25()` looks up each matching row's length in tokens (a seek in the index's size table),
/// which is most of the cost of ranking a common word: 18 of 23 ms for the 14,969 matches of a
/// word in 100,000 articles. This function first bounds each row's score from what the match
/// itself says: the row's length is at least, in each column, one past the last offset where a
/// phrase matched, and the score only falls as the length grows. A row whose bound is below the
/// `keep` best exact scores seen so far cannot be among the best `keep`: it gets no length
/// lookup and returns `+infinity`, after every real score. Every other row returns exactly what
/// `bm25()` with the same weights returns (same formula, same order of operations).
///
/// So `ORDER BY readlist_bm25(...) LIMIT n` with `n <= keep` returns the same rows with the same
/// ranks as with `bm25()`, given at least `n` matches.
enum BestMatchesBM25 {
    static let name = "readlist_bm25"

    /// Registers the function on `db`'s connection.
    static func register(_ db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed database")
        }
        var api: UnsafeMutablePointer<fts5_api>?
        var code = withUnsafeMutablePointer(to: &api) { pointer -> Int32 in
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK else {
                return sqlite3_errcode(connection)
            }
            defer { sqlite3_finalize(statement) }
            // SQLite keeps the type name until the statement runs: it must be a static string.
            sqlite3_bind_pointer(statement, 1, pointer, pointerType.utf8Start, nil)
            let step = sqlite3_step(statement)
            return step == SQLITE_ROW || step == SQLITE_DONE ? SQLITE_OK : step
        }
        guard code == SQLITE_OK, let api, let createFunction = api.pointee.xCreateFunction else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code == SQLITE_OK ? SQLITE_ERROR : code), message: "FTS5 is not available")
        }
        code = createFunction(api, name, nil, bestMatchesBM25, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }

    private static let pointerType: StaticString = "fts5_api_ptr"
}

/// What one query computes once: FTS5's `bm25()` data, the weights, and the best scores so far.
///
/// Called for every matching row (thousands for a common word), so the per-row state lives in
/// buffers it owns rather than in arrays, which Swift would check for exclusive access on each
/// element written.
private final class BM25Query {
    static let k1 = 1.2
    static let b = 0.75

    let keep: Int
    let phrases: Int
    let columns: Int
    let averageLength: Double
    /// Each column's weight.
    let weights: UnsafeMutableBufferPointer<Double>
    /// Each phrase's inverse document frequency.
    let inverseDocumentFrequencies: UnsafeMutableBufferPointer<Double>
    /// Weighted frequency of each phrase in the current row (scratch).
    let frequencies: UnsafeMutableBufferPointer<Double>
    /// One past the last matched offset in each column of the current row (scratch).
    let columnEnds: UnsafeMutableBufferPointer<Int32>
    /// The best exact scores so far (positive, higher is better), ascending, at most `keep`.
    private var best: [Double] = []

    init(keep: Int, weights: [Double], inverseDocumentFrequencies: [Double], averageLength: Double, columns: Int) {
        self.keep = keep
        phrases = inverseDocumentFrequencies.count
        self.columns = columns
        self.averageLength = averageLength
        self.weights = .allocate(capacity: columns)
        for column in 0..<columns { self.weights[column] = column < weights.count ? weights[column] : 1.0 }
        self.inverseDocumentFrequencies = .allocate(capacity: phrases)
        _ = self.inverseDocumentFrequencies.initialize(from: inverseDocumentFrequencies)
        frequencies = .allocate(capacity: phrases)
        frequencies.initialize(repeating: 0)
        columnEnds = .allocate(capacity: columns)
        columnEnds.initialize(repeating: 0)
        best.reserveCapacity(keep)
    }

    deinit {
        weights.deallocate()
        inverseDocumentFrequencies.deallocate()
        frequencies.deallocate()
        columnEnds.deallocate()
    }

    /// Reads the current row's matches: the weighted frequency of each phrase, and where each
    /// column's matches end. Returns SQLite's code.
    func readMatches(_ api: Fts5ExtensionApi, _ fts: OpaquePointer) -> Int32 {
        frequencies.update(repeating: 0)
        columnEnds.update(repeating: 0)
        var instances: Int32 = 0
        var code = api.xInstCount!(fts, &instances)
        guard code == SQLITE_OK else { return code }
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        for instance in 0..<instances {
            code = api.xInst!(fts, instance, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return code }
            guard phrase >= 0, Int(phrase) < phrases, column >= 0, Int(column) < columns else { continue }
            frequencies[Int(phrase)] += weights[Int(column)]
            columnEnds[Int(column)] = max(columnEnds[Int(column)], offset + 1)
        }
        return SQLITE_OK
    }

    /// The fewest tokens the current row can have: one past its last match in each column.
    var shortestLength: Double {
        var length = 0.0
        for end in columnEnds { length += Double(end) }
        return length
    }

    /// The score FTS5's `bm25()` gives the current row if it has `length` tokens.
    func score(length: Double) -> Double {
        var score = 0.0
        for phrase in 0..<phrases {
            let frequency = frequencies[phrase]
            score += inverseDocumentFrequencies[phrase]
                * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
        }
        return score
    }

    /// Whether a row whose score is at most `bound` could still be among the best `keep`.
    func couldKeep(bound: Double) -> Bool {
        best.count < keep || bound >= best[0]
    }

    /// Notes an exact score.
    func note(_ score: Double) {
        if best.count == keep {
            guard score > best[0] else { return }
            best.removeFirst()
        }
        var low = 0
        var high = best.count
        while low < high {
            let middle = (low + high) / 2
            if best[middle] < score { low = middle + 1 } else { high = middle }
        }
        best.insert(score, at: low)
    }

    /// FTS5's `bm25()` data for the current query (fts5_aux.c, fts5Bm25GetData).
    static func make(_ api: Fts5ExtensionApi, _ fts: OpaquePointer, keep: Int, weights: [Double]) -> (BM25Query?, Int32) {
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var code = api.xRowCount!(fts, &rows)
        if code == SQLITE_OK { code = api.xColumnTotalSize!(fts, -1, &tokens) }
        guard code == SQLITE_OK else { return (nil, code) }
        let averageLength = Double(tokens) / Double(rows)
        var inverseDocumentFrequencies: [Double] = []
        for phrase in 0..<api.xPhraseCount!(fts) {
            var hits: Int64 = 0
            code = api.xQueryPhrase!(fts, phrase, &hits) { _, _, hits in
                hits?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return (nil, code) }
            let idf = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
            inverseDocumentFrequencies.append(idf <= 0.0 ? 1e-6 : idf)
        }
        let query = BM25Query(
            keep: keep, weights: weights, inverseDocumentFrequencies: inverseDocumentFrequencies,
            averageLength: averageLength, columns: Int(api.xColumnCount!(fts)))
        return (query, SQLITE_OK)
    }
}

/// The function FTS5 calls for each matching row (see ``BestMatchesBM25``).
private func bestMatchesBM25(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
    _ argumentCount: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api = api?.pointee, let fts, let context, let arguments, argumentCount >= 1 else { return }
    if let stored = api.xGetAuxdata!(fts, 0) {
        return Unmanaged<BM25Query>.fromOpaque(stored)._withUnsafeGuaranteedRef { query in
            rank(query, api, fts, context)
        }
    }
    let keep = max(1, Int(sqlite3_value_int64(arguments[0])))
    let weights = (1..<Int(argumentCount)).map { sqlite3_value_double(arguments[$0]) }
    let (made, code) = BM25Query.make(api, fts, keep: keep, weights: weights)
    guard let query = made else { return sqlite3_result_error_code(context, code) }
    let stored = api.xSetAuxdata!(fts, Unmanaged.passRetained(query).toOpaque()) { stored in
        if let stored { Unmanaged<BM25Query>.fromOpaque(stored).release() }
    }
    guard stored == SQLITE_OK else { return sqlite3_result_error_code(context, stored) }
    rank(query, api, fts, context)
}

/// Ranks the current row: `+infinity` if it cannot be among the best `keep`, else `bm25()`'s rank.
private func rank(_ query: BM25Query, _ api: Fts5ExtensionApi, _ fts: OpaquePointer, _ context: OpaquePointer) {
    var code = query.readMatches(api, fts)
    guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    // The row has at least this many tokens; more can only lower its score.
    guard query.couldKeep(bound: query.score(length: query.shortestLength)) else {
        return sqlite3_result_double(context, .infinity)
    }
    var length: Int32 = 0
    code = api.xColumnSize!(fts, -1, &length)
    guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
    let score = query.score(length: Double(length))
    query.note(score)
    sqlite3_result_double(context, -1.0 * score)
}
