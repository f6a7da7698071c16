//! Markdown to safe HTML. Every clause text is untrusted: it is rendered by pulldown-cmark and the
//! result cleaned by ammonia, which keeps an allow-list of tags and attributes. No script, style,
//! iframe, object, embed, form, meta or base survives, no event-handler attribute, and links and images
//! keep only http, https and mailto URLs — so no `javascript:` or `data:` in any encoding.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

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

/// Renders CommonMark (with tables, strikethrough and footnotes) to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    sanitise(&raw)
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
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn escape() {
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
