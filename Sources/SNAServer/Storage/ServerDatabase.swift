import Foundation
import GRDB

/// The server's data: one SQLite file in write-ahead-log mode, with foreign
/// keys on and every commit synced to disk before it is acknowledged.
///
/// Each feature adds its own tables through a schema type whose migrations are
/// prefixed by the feature's name (`core-v1`, `workshop-v1`, `survey-v1`);
/// they run in that fixed order when the file is opened.
public final class ServerDatabase: Sendable {
    /// The connection pool: many readers, one writer.
    public let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // FULL: a commit is on disk before the answer is acknowledged, even across a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        CoreSchema.register(in: &migrator)
        WorkshopSchema.register(in: &migrator)
        SurveySchema.register(in: &migrator)
        try migrator.migrate(pool)
    }

    /// Copies the whole database, consistently, to a new file at `destination`
    /// while the server keeps running (SQLite's online backup). The copy is
    /// written beside the destination and renamed into place, so a failed
    /// backup leaves no half-written file.
    public func backup(to destination: String) throws {
        try Self.backup(pool, to: destination)
    }

    /// Copies the database at `path`, opened read-only (so a file that is not
    /// the server's is never changed), to `destination`, as ``backup(to:)`` does.
    public static func backup(databaseAt path: String, to destination: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let source = try DatabaseQueue(path: path, configuration: configuration)
        let isServers = try source.read { db in
            try db.tableExists("grdb_migrations")
                && (try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = 'core-v1'") ?? false)
        }
        guard isServers else { throw NotServerDatabase(path: path) }
        try backup(source, to: destination)
    }

    /// A file that is SQLite but not `snatool serve`'s database.
    public struct NotServerDatabase: Error, CustomStringConvertible {
        /// The file.
        public var path: String
        /// What went wrong and how to fix it.
        public var description: String { "\(path) is not a snatool serve database; give the file the server was started with (--database)" }
    }

    private static func backup(_ source: some DatabaseReader, to destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        do {
            let copy = try DatabaseQueue(path: temporary)
            try source.backup(to: copy)
            try copy.close()
            if rename(temporary, destination) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw error
        }
    }
}

/// The tables every feature shares: settings (the administrator's secret) and administrator sessions.
enum CoreSchema {
    /// Adds the core migrations.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("core-v1") { db in
            try db.create(table: "setting") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.create(table: "admin_session") { table in
                table.primaryKey("token_hash", .text)
                table.column("created_at", .double).notNull()
                table.column("expires_at", .double).notNull()
            }
        }
    }
}
