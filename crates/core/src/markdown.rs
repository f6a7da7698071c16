//! Markdown to safe HTML. Every clause text is untrusted: it is rendered by pulldown-cmark and the
//! result cleaned by ammonia, which keeps an allow-list of tags and attributes. No script, style,
//! iframe, object, embed, form, meta or base survives, no event-handler attribute, and links and images
//! keep only http, https and mailto URLs — so no `javascript:` or `data:` in any encoding.
//!
//! Rendering stays within bounds for any text the record accepts (1 MiB): HTML typed into a clause is
//! shown as text, never parsed as markup, and a text nested deeper than [`MAX_DEPTH`] or of more than
//! [`MAX_ELEMENTS`] elements — only ever a hostile one — is shown whole as plain escaped text. The sanitiser's tree building grows with the
//! square of the nesting (50,000 nested quotes in 50 KB took 17 s); parsing the Markdown does not.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        // a relative link means nothing in a clause, and inside the app it would point into the app
        .url_relative(ammonia::UrlRelative::Deny)
        // Images from another party could beacon out; the app's CSP blocks them too, and here they
        // lose their source unless it is a plain web address.
        .rm_tags(["img"]);
    b
});

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The deepest nesting of blocks and spans rendered as structure. Real clauses stay far below it: a
/// list in a list in a quote with emphasis is five.
pub const MAX_DEPTH: usize = 32;

/// The most elements rendered as structure: the sanitiser spends about two microseconds on each, so
/// this keeps any text under 100 ms. An annex of 2,000 paragraphs is far below it; a table of 50,000
/// rows is not.
pub const MAX_ELEMENTS: usize = 20_000;

/// Renders CommonMark (with tables, strikethrough and footnotes) to sanitised HTML; HTML typed in the
/// text is shown as text; a text nested deeper than [`MAX_DEPTH`], or of more than [`MAX_ELEMENTS`]
/// elements, is shown as plain text.
pub fn render(markdown: &str) -> String {
    let Some(events) = bounded_events(markdown) else { return plain(markdown) };
    let events = events.into_iter().map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events);
    sanitise(&raw)
}

/// The parsed events of a Markdown text, or none when it is nested deeper than [`MAX_DEPTH`] or has
/// more than [`MAX_ELEMENTS`] elements: the bounds every reader of a clause's Markdown keeps.
pub(crate) fn bounded_events(markdown: &str) -> Option<Vec<Event<'_>>> {
    let mut events = Vec::new();
    let (mut depth, mut elements) = (0usize, 0usize);
    for event in Parser::new_ext(markdown, options()) {
        match &event {
            Event::Start(_) => {
                depth += 1;
                elements += 1;
                if depth > MAX_DEPTH || elements > MAX_ELEMENTS {
                    return None;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        events.push(event);
    }
    Some(events)
}

/// A text shown as it was typed, escaped: what a text too deeply nested to render degrades to.
pub fn plain(text: &str) -> String {
    format!("<p class=\"plain-text\">{}</p>", escape_html(text).replace('\n', "<br>"))
}

/// Cleans HTML from anywhere with the same allow-list.
pub fn sanitise(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Escapes text for an HTML element or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_ordinary_markdown() {
        let html = render("**Retraining** before *dismissal*:\n\n- six months\n- full pay\n");
        assert!(html.contains("<strong>Retraining</strong>"));
        assert!(html.contains("<li>six months</li>"));
        assert!(render("[ILO](https://www.ilo.org)").contains("href=\"https://www.ilo.org\""));
    }

    #[test]
    fn drops_images_but_keeps_their_alt_text_out_of_markup() {
        let html = render("![x](https://example.org/t.png) <img src=x onerror=alert(1)>");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror"), "the typed tag is text: {html}");
    }

    #[test]
    fn html_typed_in_a_clause_is_text() {
        let html = render("Pay <b>rises</b> <div>yearly</div>");
        assert!(html.contains("&lt;b&gt;rises&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<div>"), "{html}");
    }

    #[test]
    fn nesting_past_the_limit_degrades_to_plain_text() {
        let nested = ">".repeat(MAX_DEPTH + 1) + " x <script>";
        assert_eq!(render(&nested), plain(&nested));
        assert!(plain(&nested).contains("&gt;&gt;&gt;") && plain(&nested).contains("&lt;script&gt;"));
        let within = ">".repeat(MAX_DEPTH - 2) + " x";
        assert!(render(&within).contains("<blockquote>"));
    }

    #[test]
    fn escape() {
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
