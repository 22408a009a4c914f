import GRDB

/// The live DCA workshop's tables: workshops, participants, their answers and
/// the actions the room agrees.
enum WorkshopSchema {
    /// Adds the workshop migrations.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("workshop-v1") { db in
            try db.create(table: "workshop") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("code", .text).notNull().unique()
                table.column("outcome", .text).notNull()
                // The scored instrument as JSON, so a workshop keeps its questions whatever the server is started with later.
                table.column("instrument", .text).notNull()
                table.column("created_at", .double).notNull()
                table.column("closed_at", .double)
            }
            try db.create(table: "participant") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("workshop_id", .integer).notNull().indexed().references("workshop", onDelete: .cascade)
                table.column("token", .text).notNull().unique()
                table.column("name", .text).notNull()
                table.column("name_key", .text).notNull()
                table.column("organisation", .text)
                table.column("layer", .text)
                table.column("joined_at", .double).notNull()
                table.uniqueKey(["workshop_id", "name_key"])
            }
            try db.create(table: "workshop_answer") { table in
                table.column("participant_id", .integer).notNull().references("participant", onDelete: .cascade)
                table.column("question", .integer).notNull()
                // A point of the scale, or NULL with dont_know = 1.
                table.column("score", .integer)
                table.column("dont_know", .boolean).notNull().defaults(to: false)
                table.column("comment", .text)
                table.column("updated_at", .double).notNull()
                table.primaryKey(["participant_id", "question"])
            }
            try db.create(table: "agreed_action") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("workshop_id", .integer).notNull().indexed().references("workshop", onDelete: .cascade)
                table.column("question", .integer).notNull()
                table.column("action", .text).notNull()
                table.column("owner", .text)
                table.column("due", .text)
            }
        }
    }
}
