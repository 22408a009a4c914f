import Foundation
import Hummingbird

/// A submitted form (`application/x-www-form-urlencoded`), read within a
/// size limit and checked against the browser's CSRF cookie.
struct FormInput: Sendable {
    private var fields: [(name: String, value: String)]

    /// The first value named `name`, trimmed, or nil when absent or blank.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The first value named `name` as it was sent.
    func raw(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value named `name`, in order.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Every field whose name starts with `prefix`, with the rest of the name.
    func fields(prefixed prefix: String) -> [(suffix: String, value: String)] {
        fields.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    /// Parses an encoded body.
    init(encoded: String) {
        fields = encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads the request's form, at most `limit` bytes, and checks its `csrf`
    /// field against the CSRF cookie: every form a page of this server posts
    /// carries it, and another site cannot read it.
    static func read(_ request: Request, context: ServerRequestContext, limit: Int) async throws -> FormInput {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw HTTPError(.contentTooLarge, message: "The form is larger than this server accepts (\(limit / 1024) KB).")
        }
        let form = FormInput(encoded: String(buffer: buffer))
        guard let sent = form.raw("csrf"), let cookie = request.cookies[CSRFMiddleware.cookieName]?.value,
              !cookie.isEmpty, Tokens.equal(sent, cookie) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from this server. Go back, reload the page and send it again.")
        }
        return form
    }
}
