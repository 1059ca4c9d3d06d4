import GRDB

/// A row's columns by name, as ``RawStatement`` read them.
struct ColumnValues {
    private var values: [String: DatabaseValue] = [:]

    init(columns: [String], values: [DatabaseValue]) {
        for (column, value) in zip(columns, values) { self.values[column] = value }
    }

    /// The column's value; null for a column not read.
    subscript(_ column: String) -> DatabaseValue { values[column] ?? .null }

    /// The column's value as `T`, or nil when it is null or not a `T`.
    subscript<T: DatabaseValueConvertible>(_ column: String) -> T? { T.fromDatabaseValue(self[column]) }
}
