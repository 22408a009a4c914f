import Crypto

/// Pseudonyms for people's names: a code per name computed with HMAC-SHA256
/// under a secret key over the name's matching key (``NameKey/key(_:)``), so
/// that the same name gets the same code in every output and every survey
/// wave made with the same key, whatever the order of the roster, and nobody
/// without the key can find a name by hashing candidate names.
///
/// A code is ``standardCodeLength`` characters of Crockford's base 32 (digits
/// and capitals without I, L, O, U): 70 bits, so that among a million people
/// the chance that any two share a code is about 1 in 2.4 billion. A shared
/// code is never resolved by lengthening one of them (which would make a code
/// depend on the roster's order): ``PartnershipNetwork/anonymised(with:)``
/// throws ``PseudonymError/collision`` instead.
public struct Pseudonymiser: Sendable {
    /// The characters of a code: Crockford's base 32, 5 bits each.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Characters in a code: 14, which carry 70 bits of the HMAC.
    public static let standardCodeLength = 14

    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per code).
    private let key: [UInt8]
    /// Whether the key was drawn at random for this run (codes then match nothing outside it).
    public let keyIsRandom: Bool
    /// Characters in each code.
    public let codeLength: Int

    /// A pseudonymiser with a fresh random 256-bit key: codes are stable within one run only.
    public init() {
        key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        keyIsRandom = true
        codeLength = Self.standardCodeLength
    }

    /// A pseudonymiser whose codes are the same in every run with the same key.
    ///
    /// - Parameters:
    ///   - key: the secret key's bytes.
    ///   - codeLength: characters per code, 1 to 51 (the 256 bits of the HMAC);
    ///     shorter than the standard only to test what a collision does.
    public init(key: some Sequence<UInt8>, codeLength: Int = Self.standardCodeLength) {
        self.key = Array(key)
        keyIsRandom = false
        self.codeLength = min(max(codeLength, 1), 51)
    }

    /// A pseudonymiser keyed by the UTF-8 bytes of `key`.
    public init(key: String, codeLength: Int = Self.standardCodeLength) {
        self.init(key: Array(key.utf8), codeLength: codeLength)
    }

    /// The code of a name: the first ``codeLength`` base-32 digits of
    /// HMAC-SHA256(key, the name's matching key).
    public func code(_ name: String) -> String {
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Array(NameKey.key(name).utf8), using: SymmetricKey(data: key)))
        var digits: [Character] = []
        digits.reserveCapacity(codeLength)
        for index in 0..<codeLength {
            // Five bits from bit 5·index onwards, most significant first.
            let bit = index * 5
            let byte = bit / 8, offset = bit % 8
            let high = UInt16(mac[byte]) << 8 | UInt16(byte + 1 < mac.count ? mac[byte + 1] : 0)
            digits.append(Self.alphabet[Int((high >> (11 - offset)) & 0x1F)])
        }
        return String(digits)
    }
}

/// Why a network could not be anonymised.
public enum PseudonymError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two different people got the same code; `count` people are in the survey.
    case collision(code: String, people: Int)
    /// A pseudonym spelt the same as a real name in the survey (which is not quoted).
    case equalsRealName

    /// The problem in plain English, naming nobody.
    public var description: String {
        switch self {
        case let .collision(code, people):
            return "two different people among \(people) got the same pseudonym code \(code); this should not happen with the standard code length. Fix: use another pseudonym key"
        case .equalsRealName:
            return "a pseudonym is spelt like a real name of a person or organisation in the survey. Fix: use another pseudonym key"
        }
    }
}
