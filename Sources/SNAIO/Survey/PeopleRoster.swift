import SNACore

/// A people file read on its own, as the list of people a survey is sent to
/// (`snatool serve`'s network survey): the same columns, spellings, errors and
/// warnings as `--people`, giving a network with everyone and no ties.
public enum PeopleRoster {
    /// Reads `table` as a people file; errors name the file, line and column.
    public static func read(_ table: CSVTable) throws(InputError) -> PartnershipNetwork {
        var builder = NetworkBuilder()
        PeopleFileReader.read(table, into: &builder)
        return try builder.build()
    }

    /// The header spellings that name a people file's id column.
    public static var idSpellings: Set<String> { PeopleFileReader.idSpellings }
}
