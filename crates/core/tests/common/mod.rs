//! What the core's integration tests share: a store in a real temporary file, the real EU amendment
//! data from `shared/`, and a corpus of XSS vectors with a check that HTML is inert.
#![allow(dead_code)]

pub mod corpus;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use trilogue_core::Store;

/// The time the tests run at, whatever the machine's clock says: the demo's calendar was written for
/// this day, so its dates are the file's own.
pub fn now() -> DateTime<Utc> {
    "2026-11-24T09:00:00Z".parse().unwrap()
}

pub async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("workbench.sqlite3")).await.unwrap();
    (store, dir)
}

/// The real EU amendments, kept compressed in the repository (`tests/data/`, with their
/// acknowledgement), found from whichever package of the workspace includes this module.
pub fn eu_amendments_json() -> Vec<u8> {
    use std::io::Read;
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = "tests/data/ep-ai-act-amendments/political-groups.json.gz";
    let path: PathBuf = here.ancestors().map(|a| a.join(file)).find(|p| p.is_file()).unwrap_or_else(|| {
        panic!("the real EU amendment data ({file}) is not in the repository above {}", here.display())
    });
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()).read_to_end(&mut json).unwrap();
    json
}

/// A four-party position table built from the European Parliament's amendments to the AI Act: a row
/// per provision and round of amendments, the parties EPP, S&D, Renew and the other groups together,
/// the Commission's text as the base. 1,775 rows, about 1.6 MB: the size of the AI Act's four-column
/// document.
pub fn eu_position_table() -> Vec<u8> {
    #[derive(serde::Deserialize)]
    struct Amendment {
        author: String,
        title: String,
        commission: String,
        text: String,
    }
    let amendments: Vec<Amendment> = serde_json::from_slice(&eu_amendments_json()).unwrap();
    let columns = ["EPP", "S&D", "Renew", "Others"];
    let column = |author: &str| columns.iter().position(|c| *c == author).unwrap_or(3);
    // provision → (base, texts per column)
    let mut provisions: Vec<(String, String, [Vec<String>; 4])> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for a in amendments {
        let i = *index.entry(a.title.clone()).or_insert_with(|| {
            provisions.push((a.title.clone(), a.commission.clone(), Default::default()));
            provisions.len() - 1
        });
        provisions[i].2[column(&a.author)].push(a.text);
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["ref", "title", "EPP", "S&D", "Renew", "Others", "base"]).unwrap();
    for (n, (title, base, texts)) in provisions.iter().enumerate() {
        let rounds = texts.iter().map(Vec::len).max().unwrap_or(0);
        for round in 0..rounds {
            let reference = if round == 0 { format!("P{}", n + 1) } else { format!("P{}/{}", n + 1, round + 1) };
            let mut row = vec![reference, title.clone()];
            row.extend(texts.iter().map(|t| t.get(round).cloned().unwrap_or_default()));
            row.push(base.clone());
            w.write_record(&row).unwrap();
        }
    }
    w.into_inner().unwrap()
}

/// Known XSS vectors, in Markdown and raw HTML, plain and encoded.
pub const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=javas&#99;ript:alert(1)>x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<input autofocus onfocus=alert(1)>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "\"><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    "<p onmouseover=alert(1)>hover</p>",
    "`<script>alert(1)</script>`",
    "<<script>script>alert(1)<</script>/script>",
];

/// Fails with the reason when HTML holds anything that could run or load: a dangerous element, an
/// event handler, a script URL, a style attribute. Text is fine — escaped, it is shown, never run.
pub fn assert_inert(html: &str, context: &str) {
    let mut lower = html.to_lowercase();
    // A whole document: its head is ours (charset, CSP, title, style sheet); the body is checked.
    if lower.starts_with("<!doctype") {
        let (head, body) = lower.split_once("<body>").expect("a document has a body");
        assert!(!head.contains("<script") && head.matches("<meta").count() == 2, "{context}: head: {head}");
        lower = body.trim_end().trim_end_matches("</html>").trim_end().trim_end_matches("</body>").to_string();
    }
    // Party colours are printed as styles only when they are plain hex colours.
    let colour_style = |tag: &str| {
        tag.split(" style=\"").skip(1).all(|s| {
            let value = s.split('"').next().unwrap_or("");
            let hex = value.strip_prefix("background:#").or_else(|| value.strip_prefix("border-top-color:#"));
            hex.is_some_and(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))
        })
    };
    for tag in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<meta",
        "<base",
        "<svg",
        "<math",
        "<link",
        "<input",
        "<img",
        "<video",
        "<source",
        "<noscript",
        "<template",
        "<body",
    ] {
        assert!(!lower.contains(tag), "{context}: {tag} survived in {html}");
    }
    // inside tags only: find every `<…>` and look at its attributes
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..end];
        for bad in ["javascript:", "vbscript:", "data:", "&colon;", "&#"] {
            assert!(!tag.contains(bad), "{context}: '{bad}' inside a tag: {tag}");
        }
        assert!(colour_style(tag), "{context}: a style attribute that is not a plain colour: {tag}");
        let mut words = tag.split(|c: char| c.is_whitespace() || c == '/');
        words.next();
        for attribute in words {
            assert!(!attribute.starts_with("on"), "{context}: event handler in {tag}");
        }
        rest = &rest[end..];
    }
}

/// The parts of a .docx (any zip archive), by name, in order.
pub fn zip_parts(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = vec![];
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// A zip archive of the given parts, deflated.
pub fn zip_of<N: AsRef<str>>(parts: &[(N, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name.as_ref(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx with one part's XML edited, as someone editing with tracking off leaves it.
pub fn rewrite_part(docx: &std::path::Path, part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut parts = zip_parts(docx);
    for (name, bytes) in &mut parts {
        if name == part {
            *bytes = edit(String::from_utf8(std::mem::take(bytes)).unwrap()).into_bytes();
        }
    }
    zip_of(&parts)
}
