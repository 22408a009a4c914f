import SNAAssessments
import SNAReports

/// The HTML around every page of the server: the report's stylesheet and the
/// server's one script file, both served from `/assets/`, so the pages carry
/// no inline script or style and the Content-Security-Policy can forbid them.
enum PageShell {
    /// A whole page. `body` must already be escaped HTML.
    static func page(title: String, body: String, header: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · snatool</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/serve.css">
        <script src="/assets/serve.js" defer></script>
        </head>
        <body>
        \(header)<main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The administrator's bar: the dashboard link and the log-out form.
    static func adminHeader(csrf: String) -> String {
        """
        <header class="bar"><a href="/admin">snatool serve</a>
        <form method="post" action="/admin/logout" class="inline"><input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))"><button type="submit" class="link">Log out</button></form></header>

        """
    }

    /// The form that deletes a workshop or survey and all its answers, behind a
    /// box to tick, for when the results are kept elsewhere.
    static func deleteForm(action: String, what: String, csrf: String) -> String {
        """
        <details class="omitted"><summary>Delete this \(what)</summary>
        <form method="post" action="\(action)">\(csrfField(csrf))
        <label><input type="checkbox" name="confirm" value="yes" required> I have downloaded what I need: delete this \(what), everyone's links and every answer, for good</label>
        <button type="submit" class="danger">Delete the \(what)</button></form></details>
        """
    }

    /// The hidden CSRF field every form carries.
    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(token))\">"
    }

    /// Escapes text for HTML.
    static func e(_ text: String) -> String { HTMLText.escape(text) }
}
