import Foundation

/// What a file that may be a workbook is, told from its first bytes and, for
/// an OLE2 compound file, the names of the streams inside it.
enum WorkbookFileKind: Equatable {
    /// A zip archive: an `.xlsx` workbook, or another zip that the reader then names.
    case zip
    /// An OLE2 compound file holding an `EncryptedPackage` or `EncryptionInfo`
    /// stream: an `.xlsx` saved with a password to open.
    case encrypted
    /// An OLE2 compound file holding a `Workbook` or `Book` stream: Excel 97-2003 (`.xls`).
    case legacyWorkbook
    /// Another OLE2 compound file (an old Word document, an Outlook message ...).
    case otherCompoundFile
    /// Anything else (text, most likely).
    case other

    /// The zip local-file signature `PK\3\4`, and `PK\5\6` that an empty zip starts with.
    static let zipSignatures: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]
    /// The OLE2 compound file signature.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Sorts bytes by their signature; an OLE2 file's directory is searched for stream names.
    init(of bytes: Data) {
        func starts(with signature: [UInt8]) -> Bool {
            bytes.count >= signature.count && bytes.prefix(signature.count).elementsEqual(signature)
        }
        if Self.zipSignatures.contains(where: starts(with:)) {
            self = .zip
        } else if starts(with: Self.compoundFileSignature) {
            if Self.holdsStream(named: "EncryptedPackage", in: bytes) || Self.holdsStream(named: "EncryptionInfo", in: bytes) {
                self = .encrypted
            } else if Self.holdsStream(named: "Workbook", in: bytes) || Self.holdsStream(named: "Book", in: bytes) {
                self = .legacyWorkbook
            } else {
                self = .otherCompoundFile
            }
        } else {
            self = .other
        }
    }

    /// Whether a compound file's directory holds a stream of this name. The
    /// directory stores each name as UTF-16LE ending in a NUL, at the start of
    /// a 128-byte directory entry; its sectors may lie anywhere in the file,
    /// so the whole file is searched for the name at such an offset (the same
    /// text inside a stream's data, at another offset, does not count).
    private static func holdsStream(named name: String, in bytes: Data) -> Bool {
        var pattern = Data()
        for unit in name.utf16 + [0] { pattern.append(UInt8(unit & 0xFF)); pattern.append(UInt8(unit >> 8)) }
        var searchFrom = bytes.startIndex
        while let found = bytes.range(of: pattern, in: searchFrom..<bytes.endIndex) {
            // Sectors are 512 or 4096 bytes after a 512-byte header, entries 128 bytes.
            if (found.lowerBound - bytes.startIndex) % 128 == 0 { return true }
            searchFrom = found.lowerBound + 1
        }
        return false
    }
}
