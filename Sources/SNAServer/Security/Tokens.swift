import Crypto
import Foundation

/// Secrets the server hands out: respondent, participant and session tokens,
/// join codes, and their hashes.
public enum Tokens {
    /// A URL-safe token of 192 random bits (32 characters of base64url).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The letters of a join code: no 0/O, 1/I/L, so it can be read aloud and typed on a phone.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A short join code such as `K7QM3D` (31⁶, about 890 million codes; guessing is rate limited).
    public static func joinCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in codeAlphabet.randomElement(using: &generator)! })
    }

    /// A join code as typed: upper case, without spaces or dashes.
    public static func normalisedCode(_ typed: String) -> String {
        String(typed.uppercased().filter { codeAlphabet.contains($0) })
    }

    /// The SHA-256 of a secret, in hex: what is stored instead of the secret.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two strings in time that depends only on their lengths.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// Whether `text` looks like a token this type made (so a lookup is worth a query).
    static func isWellFormed(_ text: String) -> Bool {
        text.count == 32 && text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 95
        }
    }
}
