import SNACore
import SNAMaps

extension InputNaming {
    /// The command line's options for the inputs a fix asks for: the library
    /// words fixes without them, and this one place names them.
    static let commandLine = InputNaming { input in
        switch input {
        case .peopleFile: "--people FILE"
        case .aliasesFile: "--aliases FILE"
        case .columnMapping: "--columns FILE; snatool survey inspect writes a starting one"
        case .sheet: "--sheet NAME"
        case .layout: "--layout long|wide"
        case .themes: "--themes"
        case .headerRows: "--header-rows N"
        case .ratings: "--ratings"
        case .organisationsFile: "--organisations FILE"
        case .partnershipKinds: "--partnership-kinds FILE"
        }
    }
}

extension MapError {
    /// The problem with the option that caused it named first, as the
    /// command line's errors are written (`--ego: nobody called ...`).
    var commandLineDescription: String {
        switch self {
        case .unknownEgo: "--ego: " + description
        case .unknownAttribute(let use, _, _): (use == .colour ? "--colour-by: " : "--cluster-by: ") + description
        }
    }
}
