//! A Word document from another party, read as data into the one document model: headings, paragraphs,
//! lists, quotes, tables, bold, italic and struck text, and its tracked changes both ways — each run
//! inserted or deleted keeps who and when, so the text with them accepted is the party's proposal and
//! the changes can still be shown.
//!
//! An untrusted .docx is bounded before it is read: the number of entries, each part's size and its
//! expansion ratio (a zip bomb), the nesting of its XML, and the paths inside the archive. A document
//! type definition is refused (no entity is ever expanded), and so is anything that is not a Word
//! document. Trilogue's own notes in a document it exported (style `Note`) are not part of the texts.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use chrono::{DateTime, Utc};
use quick_xml::Reader;
use quick_xml::escape;
use quick_xml::events::{BytesStart, Event};

use crate::document::{Block, Change, ChangeKind, Run, Style};
use crate::error::{Error, Result};
use crate::message::Msg;

/// The most entries an archive may have: a real document has tens.
const MAX_ENTRIES: usize = 2_000;
/// The largest part read, uncompressed: the text of a very long agreement is a few megabytes.
const MAX_PART: u64 = 48 * 1024 * 1024;
/// The most a part may expand over its compressed size, past the first megabyte.
const MAX_RATIO: u64 = 200;
/// The deepest XML nesting read.
const MAX_DEPTH: usize = 256;

/// What a .docx holds: its title (the Title paragraph) and its blocks, changes marked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordDocument {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// Reads a .docx's bytes.
pub fn read_docx(bytes: &[u8], source_name: &str) -> Result<WordDocument> {
    let refuse = |message: Msg| Error::Document { source_name: source_name.into(), message: Box::new(message) };
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| refuse(Msg::NotDocx { detail: e.to_string() }))?;
    if zip.len() > MAX_ENTRIES {
        return Err(refuse(Msg::DocxTooManyParts { parts: zip.len() }));
    }
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| refuse(Msg::DocxPartUnreadable { part: format!("#{i}"), detail: e.to_string() }))?;
        let name = entry
            .name()
            .map_err(|e| refuse(Msg::DocxPartUnreadable { part: format!("#{i}"), detail: e.to_string() }))?
            .to_string();
        if entry.enclosed_name().is_none() || name.contains('\\') || name.starts_with('/') {
            return Err(refuse(Msg::DocxOddPath { part: name }));
        }
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        if size > MAX_PART || (size > 1024 * 1024 && size / packed > MAX_RATIO) {
            return Err(refuse(Msg::DocxZipBomb { part: name, bytes: size }));
        }
    }
    let mut part = |name: &str| -> Result<Option<String>> {
        let Ok(entry) = zip.by_name(name) else { return Ok(None) };
        let mut text = String::new();
        // the declared size is the sender's word: read no more than the bound, whatever it says
        let read = entry.take(MAX_PART + 1).read_to_string(&mut text);
        read.map_err(|e| refuse(Msg::DocxPartUnreadable { part: name.into(), detail: e.to_string() }))?;
        if text.len() as u64 > MAX_PART {
            return Err(refuse(Msg::DocxPartTooLarge { part: name.into(), max: MAX_PART / 1024 / 1024 }));
        }
        Ok(Some(text))
    };
    let main = match part("_rels/.rels")? {
        Some(rels) => main_part(&rels).map_err(&refuse)?,
        None => "word/document.xml".to_string(),
    };
    let Some(document) = part(&main)? else {
        return Err(refuse(Msg::DocxNoMainPart));
    };
    let styles = match part("word/styles.xml")? {
        Some(xml) => styles(&xml).map_err(&refuse)?,
        None => HashMap::new(),
    };
    let numbering = match part("word/numbering.xml")? {
        Some(xml) => numbering(&xml).map_err(&refuse)?,
        None => Numbering::default(),
    };
    Body::new(styles, numbering).read(&main, &document).map_err(refuse)
}

/// The XML events of a part, refusing a document type definition and nesting past the bound.
fn events(part: &str, xml: &str, mut each: impl FnMut(Event, usize) -> Result<(), Msg>) -> Result<(), Msg> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| Msg::XmlMalformed {
            part: part.into(),
            at: reader.buffer_position(),
            detail: e.to_string(),
        })?;
        match &event {
            Event::Eof => return Ok(()),
            Event::DocType(_) => return Err(Msg::XmlDocType { part: part.into() }),
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Msg::XmlTooDeep { part: part.into(), depth: MAX_DEPTH });
                }
            }
            _ => {}
        }
        let end = matches!(event, Event::End(_));
        each(event, depth)?;
        if end {
            depth = depth.saturating_sub(1);
        }
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// The main document part the package relationships name.
fn main_part(rels: &str) -> Result<String, Msg> {
    let mut found = None;
    events("_rels/.rels", rels, |event, _| {
        if let Event::Empty(e) | Event::Start(e) = event
            && local(e.name().as_ref()) == "Relationship"
            && attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
        {
            found = attr(&e, "Target");
        }
        Ok(())
    })?;
    let target = found.unwrap_or_else(|| "word/document.xml".into());
    let target = target.trim_start_matches('/').to_string();
    if target.contains("..") || target.contains('\\') {
        return Err(Msg::DocxOddPath { part: target });
    }
    Ok(target)
}

/// What a paragraph style means here.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Heading(u8),
    Title,
    Quote,
    /// Trilogue's own note in a document it exported: not part of any text.
    Note,
}

/// Paragraph styles by id: headings by their outline level or their name, in English or Russian.
fn styles(xml: &str) -> Result<HashMap<String, Role>, Msg> {
    let mut roles = HashMap::new();
    let mut current: Option<String> = None;
    events("word/styles.xml", xml, |event, _| {
        match event {
            Event::Start(e) if local(e.name().as_ref()) == "style" => current = attr(&e, "styleId"),
            Event::End(e) if local(e.name().as_ref()) == "style" => current = None,
            Event::Empty(e) | Event::Start(e) => {
                let Some(id) = &current else { return Ok(()) };
                let tag = local(e.name().as_ref()).to_string();
                let value = attr(&e, "val").unwrap_or_default();
                let role = match tag.as_str() {
                    "outlineLvl" => value.parse::<u8>().ok().filter(|l| *l < 6).map(|l| Role::Heading(l + 1)),
                    "name" => role_by_name(&value),
                    _ => None,
                };
                if let Some(role) = role {
                    roles.entry(id.clone()).or_insert(role);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(roles)
}

fn role_by_name(name: &str) -> Option<Role> {
    let lower = name.to_lowercase();
    if lower == "title" || lower == "заголовок" {
        return Some(Role::Title);
    }
    if lower == "quote" || lower == "цитата" {
        return Some(Role::Quote);
    }
    if lower == "trilogue note" {
        return Some(Role::Note);
    }
    let level = lower.strip_prefix("heading ").or_else(|| lower.strip_prefix("заголовок "))?;
    level.trim().parse::<u8>().ok().filter(|l| (1..=6).contains(l)).map(Role::Heading)
}

/// Lists: each numbering's levels, as (ordered, text of the number such as `Статья %1.`).
#[derive(Debug, Default)]
struct Numbering {
    levels: HashMap<String, HashMap<u8, (bool, String)>>,
}

fn numbering(xml: &str) -> Result<Numbering, Msg> {
    let mut abstracts: HashMap<String, HashMap<u8, (bool, String)>> = HashMap::new();
    let mut nums: Vec<(String, String)> = vec![];
    let (mut abstract_id, mut level, mut num_id) = (None::<String>, None::<u8>, None::<String>);
    events("word/numbering.xml", xml, |event, _| {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let value = attr(&e, "val");
                match local(e.name().as_ref()) {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" => level = attr(&e, "ilvl").and_then(|l| l.parse().ok()),
                    "numFmt" => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let ordered = value.as_deref() != Some("bullet") && value.as_deref() != Some("none");
                            abstracts.entry(a.clone()).or_default().entry(l).or_default().0 = ordered;
                        }
                    }
                    "lvlText" => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            abstracts.entry(a.clone()).or_default().entry(l).or_default().1 = value.unwrap_or_default();
                        }
                    }
                    "num" => num_id = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(n), Some(v)) = (&num_id, value) {
                            nums.push((n.clone(), v));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "abstractNum" => abstract_id = None,
                "lvl" => level = None,
                "num" => num_id = None,
                _ => {}
            },
            _ => {}
        }
        Ok(())
    })?;
    let levels = nums.into_iter().filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone()))).collect();
    Ok(Numbering { levels })
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    number: Option<(String, u8)>,
    runs: Vec<Run>,
    marker: Option<String>,
}

/// A table being read: its rows, the row and the cell being read, whether the row is a header.
#[derive(Default)]
struct Table {
    header: Vec<Vec<Block>>,
    rows: Vec<Vec<Vec<Block>>>,
    row: Vec<Vec<Block>>,
    row_is_header: bool,
    /// The blocks outside the cell being read.
    outside: Vec<Block>,
}

struct Body {
    styles: HashMap<String, Role>,
    numbering: Numbering,
    /// The counters of numbered paragraphs, by numbering and level.
    counters: HashMap<(String, u8), u32>,
    blocks: Vec<Block>,
    title: Option<String>,
    tables: Vec<Table>,
    paragraph: Option<Paragraph>,
    /// Inside a paragraph's or a run's properties, and which run style is being read.
    in_properties: bool,
    style: Style,
    in_run: bool,
    /// The changes the current content is inside, innermost last.
    changes: Vec<Change>,
    /// The depth of a part skipped whole (a drawing, a field's code, alternate content), if any.
    skipping: Option<usize>,
    text_tag: Option<String>,
    pending_marker: Option<String>,
}

impl Body {
    fn new(styles: HashMap<String, Role>, numbering: Numbering) -> Body {
        Body {
            styles,
            numbering,
            counters: HashMap::new(),
            blocks: vec![],
            title: None,
            tables: vec![],
            paragraph: None,
            in_properties: false,
            style: Style::default(),
            in_run: false,
            changes: vec![],
            skipping: None,
            text_tag: None,
            pending_marker: None,
        }
    }

    fn read(mut self, part: &str, xml: &str) -> Result<WordDocument, Msg> {
        events(part, xml, |event, depth| {
            self.event(event, depth);
            Ok(())
        })?;
        Ok(WordDocument { title: self.title, blocks: self.blocks })
    }

    fn event(&mut self, event: Event, depth: usize) {
        if let Some(from) = self.skipping {
            if matches!(event, Event::End(_)) && depth == from {
                self.skipping = None;
            }
            return;
        }
        match event {
            Event::Start(e) => self.start(&e, depth, false),
            Event::Empty(e) => self.start(&e, depth, true),
            Event::End(e) => self.end(local(e.name().as_ref())),
            Event::Text(t) if self.text_tag.is_some() => self.text(&t.xml10_content()),
            Event::CData(t) if self.text_tag.is_some() => self.text(&t.xml10_content()),
            Event::GeneralRef(r) if self.text_tag.is_some() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => escape::resolve_predefined_entity(&r.xml10_content()).map(str::to_string),
                };
                // an entity of a document type is never expanded: documents never have one
                self.text(&resolved.unwrap_or_default());
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart, depth: usize, empty: bool) {
        let name = local(e.name().as_ref()).to_string();
        let on = || attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off" | "none"));
        match name.as_str() {
            "p" => {
                self.paragraph = Some(Paragraph { marker: self.pending_marker.take(), ..Paragraph::default() });
                if empty {
                    self.end("p");
                }
            }
            "pPr" | "rPr" if !empty => self.in_properties = true,
            "pStyle" => {
                if let Some(p) = &mut self.paragraph {
                    p.style = attr(e, "val");
                }
            }
            "ilvl" => {
                if let Some(p) = &mut self.paragraph {
                    let level = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                    p.number = Some((p.number.take().map(|n| n.0).unwrap_or_default(), level));
                }
            }
            "numId" => {
                if let Some(p) = &mut self.paragraph {
                    let level = p.number.as_ref().map_or(0, |n| n.1);
                    p.number = attr(e, "val").filter(|v| v != "0").map(|id| (id, level));
                }
            }
            "r" => {
                self.in_run = true;
                self.style = Style::default();
            }
            "b" if self.in_run => self.style.strong = on(),
            "i" if self.in_run => self.style.emphasis = on(),
            "strike" | "dstrike" if self.in_run => self.style.strike = on(),
            "t" | "delText" if !empty => self.text_tag = Some(name.clone()),
            "ta" if self.in_run => self.text("\t"),
            "br" | "cr" if self.in_run => self.text("\n"),
            "noBreakHyphen" => self.text("-"),
            "ins" | "del" | "moveFrom" | "moveTo" if !self.in_properties && !empty => {
                let kind =
                    if matches!(name.as_str(), "ins" | "moveTo") { ChangeKind::Inserted } else { ChangeKind::Deleted };
                let author = attr(e, "author").unwrap_or_default();
                let at = attr(e, "date")
                    .and_then(|d| DateTime::parse_from_rfc3339(&d).ok())
                    .map(|d| d.with_timezone(&Utc))
                    .unwrap_or_default();
                self.changes.push(Change { kind, author, at });
            }
            "bookmarkStart" => {
                let name = attr(e, "name").unwrap_or_default();
                if let Some(marker) = name.strip_prefix("trilogue_") {
                    match &mut self.paragraph {
                        Some(p) => p.marker = Some(marker.to_string()),
                        None => self.pending_marker = Some(marker.to_string()),
                    }
                }
            }
            "tbl" if !empty => {
                self.close_paragraph();
                let outside = std::mem::take(&mut self.blocks);
                self.tables.push(Table { outside, ..Table::default() });
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                    t.row_is_header = false;
                }
            }
            "tblHeader" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row_is_header = on();
                }
            }
            // what is not text of the clause: drawings, a field's code, alternate content, comments
            "drawing" | "pict" | "object" | "instrText" | "AlternateContent" | "commentReference"
            | "footnoteReference"
                if !empty =>
            {
                self.skipping = Some(depth);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => self.close_paragraph(),
            "pPr" | "rPr" => self.in_properties = false,
            "r" => self.in_run = false,
            "t" | "delText" => self.text_tag = None,
            "ins" | "del" | "moveFrom" | "moveTo" if !self.in_properties => {
                self.changes.pop();
            }
            "tc" => {
                self.close_paragraph();
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut self.blocks);
                    t.row.push(cell);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    if t.row_is_header && t.rows.is_empty() {
                        t.header.extend(row);
                    } else {
                        t.rows.push(row);
                    }
                }
            }
            "tbl" => {
                if let Some(mut t) = self.tables.pop() {
                    // a table without a header row: its first row heads it, as Markdown needs one
                    if t.header.is_empty() && !t.rows.is_empty() {
                        t.header = t.rows.remove(0);
                    }
                    self.blocks = t.outside;
                    self.blocks.push(Block::Table { header: t.header, rows: t.rows });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let Some(p) = &mut self.paragraph else { return };
        let change = self.changes.last().cloned();
        match p.runs.last_mut() {
            Some(last) if last.style == self.style && last.change == change => last.text.push_str(text),
            _ => p.runs.push(Run { text: text.to_string(), style: self.style, change }),
        }
    }

    fn close_paragraph(&mut self) {
        let Some(mut p) = self.paragraph.take() else { return };
        let role = p.style.as_ref().and_then(|s| self.styles.get(s)).copied().or_else(|| {
            let s = p.style.as_deref()?.to_lowercase();
            role_by_name(&s).or_else(|| s.strip_prefix("heading")?.parse().ok().map(Role::Heading))
        });
        // a numbered paragraph's number, written out where Word draws it (a heading's "Статья 5.")
        let mut ordered = false;
        if let Some((id, level)) = &p.number
            && let Some((is_ordered, pattern)) = self.numbering.levels.get(id).and_then(|l| l.get(level)).cloned()
        {
            ordered = is_ordered;
            let count = self.counters.entry((id.clone(), *level)).or_insert(0);
            *count += 1;
            self.counters.retain(|(i, l), _| i != id || l <= level);
            if matches!(role, Some(Role::Heading(_))) && is_ordered {
                let mut label = pattern.clone();
                for l in 0..=*level {
                    let n = self.counters.get(&(id.clone(), l)).copied().unwrap_or(1);
                    label = label.replace(&format!("%{}", l + 1), &n.to_string());
                }
                p.runs.insert(0, Run::plain(format!("{} ", label.trim())));
            }
        }
        let empty = p.runs.iter().all(|r| r.text.trim().is_empty());
        match role {
            Some(Role::Note) => {}
            Some(Role::Title) if !empty && self.title.is_none() && self.tables.is_empty() => {
                self.title = Some(crate::document::runs_text(&p.runs, true).trim().to_string());
            }
            Some(Role::Heading(level)) if !empty => {
                self.blocks.push(Block::Heading { level, runs: p.runs, marker: p.marker });
            }
            Some(Role::Quote) if !empty => self.blocks.push(Block::Quote(vec![Block::Paragraph(p.runs)])),
            _ if empty => {}
            _ => match &p.number {
                Some((_, level)) if !matches!(role, Some(Role::Heading(_))) => {
                    add_item(&mut self.blocks, *level as usize, ordered, Block::Paragraph(p.runs));
                }
                _ => self.blocks.push(Block::Paragraph(p.runs)),
            },
        }
    }
}

/// Adds a list item at `level`, in the list the blocks end with or a new one.
fn add_item(blocks: &mut Vec<Block>, level: usize, ordered: bool, item: Block) {
    if level > 0
        && let Some(Block::List { items, .. }) = blocks.last_mut()
        && let Some(last) = items.last_mut()
    {
        return add_item(last, level - 1, ordered, item);
    }
    match blocks.last_mut() {
        Some(Block::List { ordered: o, items }) if *o == ordered => items.push(vec![item]),
        _ => blocks.push(Block::List { ordered, items: vec![vec![item]] }),
    }
}
