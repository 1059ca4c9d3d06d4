import Foundation
import GRDBSQLite

/// The baseline's database: SQLite's C API with nothing in between, through the same SQLite
/// library GRDB links.
final class PlainSQLite {
    /// A value bound to a statement parameter.
    enum Value {
        case text(String)
        case integer(Int)
        case null

        var integer: Int? {
            if case .integer(let number) = self { number } else { nil }
        }

        var text: String? {
            if case .text(let text) = self { text } else { nil }
        }
    }

    /// A prepared statement, reset and rebound for each row.
    final class Statement {
        fileprivate let handle: OpaquePointer
        private let connection: PlainSQLite

        fileprivate init(handle: OpaquePointer, connection: PlainSQLite) {
            self.handle = handle
            self.connection = connection
        }

        deinit { sqlite3_finalize(handle) }

        /// Binds `values` to the parameters in order, runs the statement to its end, and
        /// resets it.
        func run(_ values: [Value]) throws {
            _ = try rows(values)
        }

        /// Binds `values` to the parameters in order, runs the statement to its end, resets it,
        /// and returns the rows it gave (real numbers truncated to integers, blobs as their length in bytes).
        func rows(_ values: [Value]) throws -> [[Value]] {
            sqlite3_reset(handle)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .text(let text): sqlite3_bind_text(handle, index, text, -1, Self.transient)
                case .integer(let number): sqlite3_bind_int64(handle, index, Int64(number))
                case .null: sqlite3_bind_null(handle, index)
                }
            }
            var rows: [[Value]] = []
            var status = sqlite3_step(handle)
            while status == SQLITE_ROW {
                rows.append((0..<sqlite3_column_count(handle)).map(column))
                status = sqlite3_step(handle)
            }
            guard status == SQLITE_DONE else { throw connection.error("step") }
            return rows
        }

        private func column(_ index: Int32) -> Value {
            switch sqlite3_column_type(handle, index) {
            case SQLITE_NULL: .null
            case SQLITE_TEXT: .text(String(cString: sqlite3_column_text(handle, index)))
            case SQLITE_BLOB: .integer(Int(sqlite3_column_bytes(handle, index)))
            default: .integer(Int(sqlite3_column_int64(handle, index)))
            }
        }

        /// `SQLITE_TRANSIENT`: SQLite copies the bound text.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    private var handle: OpaquePointer?

    /// Opens (creating) the file at `path` with the library's pragmas: WAL, `synchronous =
    /// NORMAL`, a 32 MiB page cache.
    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw error("open \(path)")
        }
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;")
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error(sql) }
    }

    /// The rows of one statement without parameters.
    func query(_ sql: String) throws -> [[Value]] {
        try prepare(sql).rows([])
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else { throw error(sql) }
        return Statement(handle: statement, connection: self)
    }

    fileprivate func error(_ context: String) -> BenchError {
        BenchError("SQLite: \(String(cString: sqlite3_errmsg(handle))) (\(context))")
    }
}
