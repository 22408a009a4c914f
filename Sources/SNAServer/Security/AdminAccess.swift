import Foundation
import GRDB

/// The administrator's secret and sessions. The secret is stored only as its
/// hash; a login makes a session token, also stored as a hash, that the
/// browser keeps in an HttpOnly, SameSite=Strict cookie for twelve hours.
public struct AdminAccess: Sendable {
    /// The cookie that carries an administrator session.
    static let cookieName = "snatool_admin"
    /// How long a session lasts, in seconds.
    static let sessionLifetime: TimeInterval = 12 * 3600
    /// The shortest secret accepted from a file.
    public static let minimumSecretLength = 16

    let database: ServerDatabase

    /// What `prepare` did with the secret.
    public enum Secret: Sendable, Equatable {
        /// A new secret was generated; it is shown once and never stored.
        case generated(String)
        /// The secret from the file given is now the one to use.
        case fromFile
        /// The secret set at an earlier start still holds.
        case unchanged
    }

    /// Sets the administrator's secret: from `secretFile` when given, else a new
    /// one at the first start; later starts keep the stored hash.
    public func prepare(secretFile: String?) throws -> Secret {
        if let secretFile {
            let text = try String(contentsOfFile: secretFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count >= Self.minimumSecretLength, !text.contains(where: \.isNewline) else {
                throw AdminSecretError.tooShort(file: secretFile)
            }
            try store(Tokens.hash(text))
            return .fromFile
        }
        if try database.pool.read({ db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'admin_secret_hash'") }) != nil {
            return .unchanged
        }
        let secret = Tokens.random()
        try store(Tokens.hash(secret))
        return .generated(secret)
    }

    private func store(_ hash: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('admin_secret_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [hash])
            // A new secret ends every session made with the old one.
            try db.execute(sql: "DELETE FROM admin_session")
        }
    }

    /// Checks a typed secret; on success returns a new session token.
    func login(secret: String) async throws -> String? {
        let stored = try await database.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'admin_secret_hash'") }
        guard let stored, Tokens.equal(stored, Tokens.hash(secret)) else { return nil }
        let token = Tokens.random(), now = Date().timeIntervalSince1970
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM admin_session WHERE expires_at < ?", arguments: [now])
            try db.execute(sql: "INSERT INTO admin_session (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
                           arguments: [Tokens.hash(token), now, now + Self.sessionLifetime])
        }
        return token
    }

    /// Whether `token` is a live session.
    func isSession(_ token: String?) async throws -> Bool {
        guard let token, Tokens.isWellFormed(token) else { return false }
        let now = Date().timeIntervalSince1970
        return try await database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM admin_session WHERE token_hash = ? AND expires_at > ?", arguments: [Tokens.hash(token), now]) ?? false
        }
    }

    /// Ends a session.
    func logout(_ token: String?) async throws {
        guard let token else { return }
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM admin_session WHERE token_hash = ?", arguments: [Tokens.hash(token)]) }
    }
}

/// A secret file that cannot be used.
public enum AdminSecretError: Error, CustomStringConvertible {
    /// The file's secret is shorter than the minimum, or spans lines.
    case tooShort(file: String)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case .tooShort(let file):
            "\(file): the administrator secret must be one line of at least \(AdminAccess.minimumSecretLength) characters; write a longer one, e.g. with: head -c 24 /dev/urandom | base64 > \(file)"
        }
    }
}
