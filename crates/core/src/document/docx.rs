//! The model as a Word document (WordprocessingML, ECMA-376), written part by part. Changes are native
//! tracked changes (`w:ins`, `w:del`, with author and date), so the recipient accepts or rejects them one
//! by one in Word or LibreOffice; the document asks for their own edits to be tracked too. A table's
//! header row repeats on every page; a landscape document is A4 landscape. The same model always gives
//! the same bytes: no clock, no random identifier, the archive's entries dated 1980-01-01.

use std::io::{Cursor, Write};

use quick_xml::escape::escape;
use zip::write::SimpleFileOptions;

use super::{Block, ChangeKind, Document, Run};
use crate::error::{Error, Result};

/// A4 in twentieths of a point, and the margins: 2 cm.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: u32 = 1134;

/// The document as the bytes of a .docx file.
/// The locale Word proofs a document's text in.
fn locale(lang: crate::words::Lang) -> &'static str {
    match lang {
        crate::words::Lang::Kk => "kk-KZ",
        crate::words::Lang::Ru => "ru-RU",
        crate::words::Lang::En => "en-GB",
    }
}

pub fn to_docx(doc: &Document) -> Result<Vec<u8>> {
    let mut body = Body { landscape: doc.landscape, formatting: doc.changes_as_formatting, ..Body::default() };
    if !doc.title.is_empty() {
        body.paragraph(Some("Title"), None, &[Run::plain(doc.title.clone())], None);
    }
    body.blocks(&doc.blocks, Context::default());
    let document = body.document();
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", RELS.into()),
        ("docProps/core.xml", core_properties(&doc.title)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.into()),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES.replace("w:val=\"ru-RU\"", &format!("w:val=\"{}\"", locale(doc.lang)))),
        ("word/numbering.xml", numbering(&body.lists)),
        ("word/settings.xml", SETTINGS.into()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Io(std::io::Error::other(e))
}

/// Where a block is: in which list, how deep, in a quote.
#[derive(Clone, Copy, Default)]
struct Context {
    /// The list's numbering and the item's level, for the first paragraph of an item.
    number: Option<(usize, usize)>,
    /// How many list levels in: paragraphs after an item's first are indented to it.
    depth: usize,
    quote: bool,
}

#[derive(Default)]
struct Body {
    xml: String,
    landscape: bool,
    /// Changes as formatting, not revisions.
    formatting: bool,
    /// Each list's kind, in order: list `i` is numbering `i + 1`.
    lists: Vec<bool>,
    /// Revision and bookmark identifiers, counted from 1.
    ids: u32,
}

impl Body {
    fn next_id(&mut self) -> u32 {
        self.ids += 1;
        self.ids
    }

    fn text_width(&self) -> u32 {
        (if self.landscape { A4.1 } else { A4.0 }) - 2 * MARGIN
    }

    fn blocks(&mut self, blocks: &[Block], at: Context) {
        let mut at = at;
        for block in blocks {
            self.block(block, at);
            // only an item's first paragraph carries its number
            at.number = None;
        }
    }

    fn block(&mut self, block: &Block, at: Context) {
        let style = |normal: Option<&'static str>| if at.quote { Some("Quote") } else { normal };
        match block {
            Block::Heading { level, runs, marker } => {
                let style = HEADINGS[(*level).clamp(1, 6) as usize - 1];
                self.paragraph(Some(style), None, runs, marker.as_deref());
            }
            Block::Paragraph(runs) => self.paragraph(style(None), Some(at), runs, None),
            Block::Note(runs) => self.paragraph(style(Some("Note")), Some(at), runs, None),
            Block::List { ordered, items } => {
                self.lists.push(*ordered);
                let number = self.lists.len();
                for item in items {
                    let inner = Context { number: Some((number, at.depth.min(8))), depth: at.depth + 1, ..at };
                    if item.is_empty() {
                        self.paragraph(style(None), Some(inner), &[], None);
                    }
                    self.blocks(item, inner);
                }
            }
            Block::Quote(inner) => self.blocks(inner, Context { quote: true, ..at }),
            Block::Table { header, rows } => self.table(header, rows),
            Block::PageBreak => self.xml.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
        }
    }

    fn paragraph(&mut self, style: Option<&str>, at: Option<Context>, runs: &[Run], marker: Option<&str>) {
        let mut props = String::new();
        if let Some(style) = style {
            props.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
        }
        match at {
            Some(Context { number: Some((list, level)), .. }) => {
                props.push_str(&format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{list}\"/></w:numPr>"));
            }
            Some(Context { depth, .. }) if depth > 0 => {
                props.push_str(&format!("<w:ind w:left=\"{}\"/>", 720 * depth));
            }
            _ => {}
        }
        self.xml.push_str("<w:p>");
        if !props.is_empty() {
            self.xml.push_str(&format!("<w:pPr>{props}</w:pPr>"));
        }
        let bookmark = marker.map(|m| (self.next_id(), bookmark_name(m)));
        if let Some((id, name)) = &bookmark {
            self.xml.push_str(&format!("<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>"));
        }
        for run in runs {
            self.run(run);
        }
        if let Some((id, _)) = bookmark {
            self.xml.push_str(&format!("<w:bookmarkEnd w:id=\"{id}\"/>"));
        }
        self.xml.push_str("</w:p>");
    }

    fn run(&mut self, run: &Run) {
        let kind = run.change.as_ref().map(|c| c.kind);
        let formatted = self.formatting && kind.is_some();
        let deleted = kind == Some(ChangeKind::Deleted) && !formatted;
        let mut props = String::new();
        let s = run.style;
        let struck = s.strike || (formatted && kind == Some(ChangeKind::Deleted));
        for (on, tag) in [(s.strong, "<w:b/>"), (s.emphasis, "<w:i/>"), (struck, "<w:strike/>")] {
            if on {
                props.push_str(tag);
            }
        }
        // as a comparison prints, readable in grey too: inserted underlined in blue, deleted struck in red
        match kind.filter(|_| formatted) {
            Some(ChangeKind::Inserted) => props.push_str("<w:color w:val=\"1F4E99\"/><w:u w:val=\"single\"/>"),
            Some(ChangeKind::Deleted) => props.push_str("<w:color w:val=\"A61B1B\"/>"),
            None => {}
        }
        if s.code {
            props.insert_str(0, "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>");
        }
        let mut xml = String::from("<w:r>");
        if !props.is_empty() {
            xml.push_str(&format!("<w:rPr>{props}</w:rPr>"));
        }
        let tag = if deleted { "w:delText" } else { "w:t" };
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                xml.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    xml.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    xml.push_str(&format!("<{tag} xml:space=\"preserve\">{}</{tag}>", text(piece)));
                }
            }
        }
        xml.push_str("</w:r>");
        match run.change.as_ref().filter(|_| !formatted) {
            Some(change) => {
                let tag = if deleted { "w:del" } else { "w:ins" };
                let id = self.next_id();
                self.xml.push_str(&format!(
                    "<{tag} w:id=\"{id}\" w:author=\"{}\" w:date=\"{}\">{xml}</{tag}>",
                    text(&change.author),
                    change.at.format("%Y-%m-%dT%H:%M:%SZ")
                ));
            }
            None => self.xml.push_str(&xml),
        }
    }

    fn table(&mut self, header: &[Vec<Block>], rows: &[Vec<Vec<Block>>]) {
        let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        let width = self.text_width() / columns as u32;
        let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"))
            .collect();
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders>\
             <w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{}</w:tblGrid>",
            width * columns as u32,
            format!("<w:gridCol w:w=\"{width}\"/>").repeat(columns)
        ));
        let row = |body: &mut Body, cells: &[Vec<Block>], head: bool| {
            body.xml.push_str(if head { "<w:tr><w:trPr><w:tblHeader/></w:trPr>" } else { "<w:tr>" });
            for i in 0..columns {
                let shade = if head { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" } else { "" };
                body.xml.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>"));
                match cells.get(i).filter(|c| !c.is_empty()) {
                    Some(blocks) => body.blocks(blocks, Context::default()),
                    None => body.xml.push_str("<w:p/>"),
                }
                body.xml.push_str("</w:tc>");
            }
            body.xml.push_str("</w:tr>");
        };
        if !header.is_empty() {
            row(self, header, true);
        }
        for cells in rows {
            row(self, cells, false);
        }
        self.xml.push_str("</w:tbl>");
    }

    fn document(&self) -> String {
        let (w, h, orient) = if self.landscape { (A4.1, A4.0, " w:orient=\"landscape\"") } else { (A4.0, A4.1, "") };
        // a body may not end in a table: Word wants a paragraph last
        let last = if self.xml.ends_with("</w:tbl>") || self.xml.is_empty() { "<w:p/>" } else { "" };
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"{W}\"><w:body>{}{last}<w:sectPr><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
             <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" \
             w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            self.xml
        )
    }
}

/// Text for XML: escaped, and without the control characters XML 1.0 cannot hold.
fn text(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|&c| !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect();
    escape(&kept).into_owned()
}

/// A marker as a bookmark name: letters, digits and underscores, at most 40 characters.
fn bookmark_name(marker: &str) -> String {
    let name: String = format!("trilogue_{marker}")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(40)
        .collect();
    name
}

const HEADINGS: [&str; 6] = ["Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6"];

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn core_properties(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>Trilogue</dc:creator>\
         </cp:coreProperties>",
        text(title)
    )
}

/// Numbering `i + 1` for list `i`: a decimal list restarts at 1, a bullet list has bullets.
fn numbering(lists: &[bool]) -> String {
    let levels = |ordered: bool| -> String {
        (0..9)
            .map(|l| {
                let (format, text) = if ordered {
                    ("decimal", format!("%{}.", l + 1))
                } else {
                    ("bullet", ["•", "◦", "▪"][l % 3].to_string())
                };
                format!(
                    "<w:lvl w:ilvl=\"{l}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>\
                     <w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{}\" w:hanging=\"360\"/></w:pPr></w:lvl>",
                    720 * (l + 1)
                )
            })
            .collect()
    };
    let abstracts = format!(
        "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>{}</w:abstractNum>",
        levels(false),
        levels(true)
    );
    let nums: String = lists
        .iter()
        .enumerate()
        .map(|(i, &ordered)| {
            let restart =
                if ordered { "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" } else { "" };
            format!("<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/>{restart}</w:num>", i + 1, u8::from(ordered))
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W}\">{abstracts}{nums}</w:numbering>"
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"#;

/// Their edits to what we send are tracked from the first keystroke.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:trackRevisions/><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="heading 5"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="4"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="heading 6"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="5"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Trilogue Note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style></w:styles>"#;
