import Foundation
import GRDB
import GRDBSQLite

/// A statement of the change writer run through SQLite's C API on GRDB's connection.
///
/// A bulk write (an import, a sync) runs a few statements hundreds of thousands of times;
/// binding each row's values through GRDB's `StatementArguments` cost more than SQLite's work.
/// Prepared once per write transaction, finalized with it. Errors become GRDB's
/// `DatabaseError`, as from any other statement.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    let sql: String
    /// The bytes of the text and blobs bound last (see ``bind(_:)``).
    private var bound = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed database") }
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
        bound.deallocate()
    }

    /// Runs the statement with `values` bound to its parameters in order.
    /// - Returns: how many rows it inserted, updated or deleted (`sqlite3_changes`).
    @discardableResult
    func execute(_ values: [DatabaseValue]) throws -> Int {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
        return Int(sqlite3_changes(connection))
    }

    /// Runs the query with `values` bound and returns its first row's columns, or nil.
    func fetchOne(_ values: [DatabaseValue]) throws -> [DatabaseValue]? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error(code) }
        return (0..<sqlite3_column_count(handle)).map(column)
    }

    /// Runs the query with `values` bound and calls `body` with each row's columns.
    func forEach(_ values: [DatabaseValue], _ body: ([DatabaseValue]) throws -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let count = sqlite3_column_count(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try body((0..<count).map(column))
        }
    }

    /// A row the statement stands on: columns are read from SQLite only when asked for.
    struct Columns {
        fileprivate let statement: RawStatement

        /// The value of column `index` (0-based).
        subscript(_ index: Int32) -> DatabaseValue { statement.column(index) }

        /// The integer in column `index`, or 0 when it holds another type.
        func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement.handle, index) }
    }

    /// Runs the query with `values` bound and calls `body` with its first row, if any, whose
    /// columns are read only as `body` asks for them.
    func withFirstRow<Result>(_ values: [DatabaseValue], _ body: (Columns) throws -> Result) throws -> Result? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error(code) }
        return try body(Columns(statement: self))
    }

    /// Runs the query with `values` bound and calls `body` with each row, whose columns are
    /// read only as `body` asks for them, until `body` returns `false`.
    func forEachRow(_ values: [DatabaseValue], _ body: (Columns) throws -> Bool) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            guard try body(Columns(statement: self)) else { return }
        }
    }

    /// Binds `values` to the parameters in order. Text and blobs are copied into `bound`,
    /// which the statement owns and SQLite reads in place (`SQLITE_STATIC`) until the next
    /// bind: letting SQLite copy each one (`SQLITE_TRANSIENT`) cost an allocation per value.
    /// The buffer keeps the largest size a bind needed for the statement's life (a write
    /// transaction). Parameters left without a value are NULL, never an earlier bind's bytes.
    private func bind(_ values: [DatabaseValue]) throws {
        sqlite3_reset(handle)
        if values.count < Int(sqlite3_bind_parameter_count(handle)) { sqlite3_clear_bindings(handle) }
        var size = 0
        for value in values {
            switch value.storage {
            case .string(let text): size += text.utf8.count
            case .blob(let data): size += data.count
            default: break
            }
        }
        guard size <= Int32.max else { throw error(SQLITE_TOOBIG) }
        if bound.baseAddress == nil || size > bound.count {
            // Nothing may point into the old buffer once it is freed.
            sqlite3_clear_bindings(handle)
            bound.deallocate()
            bound = .allocate(byteCount: max(size, 2 * bound.count, 1_024), alignment: 1)
        }
        var used = 0
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let number): code = sqlite3_bind_int64(handle, index, number)
            case .double(let number): code = sqlite3_bind_double(handle, index, number)
            case .string(let text):
                var text = text
                let start = bound.baseAddress! + used
                let count = text.withUTF8 { bytes in
                    precondition(used + bytes.count <= bound.count, "text longer than its UTF-8 count")
                    UnsafeMutableRawBufferPointer(start: start, count: bytes.count).copyMemory(from: UnsafeRawBufferPointer(bytes))
                    return bytes.count
                }
                used += count
                code = sqlite3_bind_text(handle, index, start.assumingMemoryBound(to: CChar.self), Int32(count), nil)
            case .blob(let data):
                let start = bound.baseAddress! + used
                data.withUnsafeBytes { UnsafeMutableRawBufferPointer(start: start, count: $0.count).copyMemory(from: $0) }
                used += data.count
                code = data.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0) : sqlite3_bind_blob(handle, index, start, Int32(data.count), nil)
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    fileprivate func column(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return sqlite3_column_int64(handle, index).databaseValue
        case SQLITE_FLOAT:
            return sqlite3_column_double(handle, index).databaseValue
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes = sqlite3_column_text(handle, index) else { return "".databaseValue }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self).databaseValue
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes = sqlite3_column_blob(handle, index) else { return Data().databaseValue }
            return Data(bytes: bytes, count: count).databaseValue
        default:
            return .null
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
