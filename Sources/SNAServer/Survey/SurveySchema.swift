import GRDB

/// The network survey's tables: surveys, the people each is sent to (with
/// their link's token) and the ties they name.
enum SurveySchema {
    /// Adds the survey migrations.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("survey-v1") { db in
            try db.create(table: "survey") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("title", .text).notNull()
                table.column("ask_strength", .boolean).notNull()
                // The rating preset asked of each tie, or NULL.
                table.column("ratings", .text)
                // The people file as uploaded: the report reads it as `--people`.
                table.column("people_csv", .text).notNull()
                table.column("created_at", .double).notNull()
                table.column("closed_at", .double)
            }
            try db.create(table: "survey_person") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("survey_id", .integer).notNull().indexed().references("survey", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("organisation", .text)
                table.column("token", .text).notNull().unique()
                table.column("saved_at", .double)
                table.column("submitted_at", .double)
            }
            try db.create(table: "survey_tie") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("respondent_id", .integer).notNull().indexed().references("survey_person", onDelete: .cascade)
                table.column("theme", .text).notNull()
                // A person on the list, or the free text of someone who is not (until the coordinator matches it).
                table.column("contact_id", .integer).references("survey_person", onDelete: .cascade)
                table.column("free_text", .text)
                table.column("matched_id", .integer).references("survey_person", onDelete: .setNull)
                table.column("strength", .integer)
                // The tie's ratings as JSON {"item id": value}.
                table.column("ratings", .text)
                table.check(sql: "contact_id IS NOT NULL OR free_text IS NOT NULL")
            }
        }
    }
}
