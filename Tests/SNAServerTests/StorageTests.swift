import Foundation
import GRDB
import SNAAssessments
import Testing
@testable import SNAServer

@Suite("snatool serve's database and live updates")
struct StorageTests {
    @Test("The database is in WAL mode with foreign keys; migrations are recorded by feature; reopening keeps the data")
    func databaseSettings() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let pool = server.services.database.pool
        #expect(try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try await pool.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
        #expect(try await pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") } == ["core-v1", "survey-v1", "workshop-v1"])
        let workshop = try await server.services.workshops.create(outcome: "Kept")
        let reopened = try ServerDatabase(path: server.services.database.path)
        #expect(try await WorkshopStore(database: reopened).workshop(id: workshop.id)?.outcome == "Kept")
        // A participant of a workshop that does not exist is refused by the foreign key.
        #expect(throws: (any Error).self) {
            try pool.write { db in try db.execute(sql: "INSERT INTO participant (workshop_id, token, name, name_key, joined_at) VALUES (999, 't', 'n', 'n', 0)") }
        }
    }

    @Test("An online backup is a consistent copy, written whole or not at all")
    func backup() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let store = server.services.workshops
        let workshop = try await store.create(outcome: "Backed up")
        let person = try await store.join(workshop.id, name: "Ann", organisation: nil, layer: .strategic)
        #expect(try await store.save([SavedAnswer(question: 1, answer: .score(3), comment: nil)], for: person))
        let copy = server.folder.appendingPathComponent("copy.sqlite").path
        try server.services.database.backup(to: copy)
        let restored = WorkshopStore(database: try ServerDatabase(path: copy))
        #expect(try await restored.answers(of: person.id) == [SavedAnswer(question: 1, answer: .score(3), comment: nil)])
        #expect(throws: (any Error).self) { try server.services.database.backup(to: "/nonexistent-folder/copy.sqlite") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test("A save replaces the participant's answers in one transaction")
    func saveReplaces() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let store = server.services.workshops
        let workshop = try await store.create(outcome: "O")
        let person = try await store.join(workshop.id, name: "Ann", organisation: nil, layer: nil)
        _ = try await store.save([SavedAnswer(question: 1, answer: .score(1), comment: "a"), SavedAnswer(question: 2, answer: .dontKnow, comment: nil)], for: person)
        _ = try await store.save([SavedAnswer(question: 3, answer: .score(4), comment: nil)], for: person)
        #expect(try await store.answers(of: person.id) == [SavedAnswer(question: 3, answer: .score(4), comment: nil)])
    }

    @Test("The broadcaster wakes every subscriber of a topic, and only of that topic")
    func broadcaster() async throws {
        let broadcaster = Broadcaster(heartbeatSeconds: 3600)
        let first = await broadcaster.subscribe("workshop:1"), other = await broadcaster.subscribe("workshop:2")
        #expect(await broadcaster.count("workshop:1") == 1)
        await broadcaster.publish("workshop:1")
        var iterator = first.stream.makeAsyncIterator()
        #expect(await iterator.next() == .update)
        await broadcaster.publish("workshop:2")
        var otherIterator = other.stream.makeAsyncIterator()
        #expect(await otherIterator.next() == .update)
        // Ending a subscription (as shutdown does) finishes its stream.
        first.end()
        #expect(await iterator.next() == nil)
    }
}
