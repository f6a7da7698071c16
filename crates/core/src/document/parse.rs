//! A clause's Markdown as the model's blocks, within the renderer's bounds: a text nested deeper than
//! [`crate::markdown::MAX_DEPTH`] or of more than [`crate::markdown::MAX_ELEMENTS`] elements comes in whole as plain paragraphs.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Block, Run, Style};
use crate::markdown::bounded_events;

/// The blocks of a Markdown text. HTML typed in it is text; a link keeps its address after its words.
pub fn parse(markdown: &str) -> Vec<Block> {
    let Some(events) = bounded_events(markdown) else { return plain(markdown) };
    let mut builder = Builder::default();
    for event in events {
        builder.event(event);
    }
    builder.finish()
}

/// The text as paragraphs of plain text, one per run of lines between blank lines.
fn plain(text: &str) -> Vec<Block> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(Block::paragraph).collect()
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    List { ordered: bool, items: Vec<Vec<Block>> },
    Table { header: Vec<Vec<Block>>, rows: Vec<Vec<Vec<Block>>>, row: Vec<Vec<Block>> },
}

#[derive(Default)]
struct Builder {
    frames: Vec<Frame>,
    /// The paragraph or heading being written, if any: its runs, and its heading level.
    open: Option<(Vec<Run>, Option<u8>)>,
    style: Style,
    strong: u32,
    emphasis: u32,
    strike: u32,
    links: Vec<String>,
}

impl Builder {
    /// The blocks text goes into now: the innermost frame's, or a new one in a list or a row.
    fn blocks(&mut self) -> &mut Vec<Block> {
        if !matches!(self.frames.last(), Some(Frame::Blocks(_) | Frame::Quote(_))) {
            self.frames.push(Frame::Blocks(vec![]));
        }
        match self.frames.last_mut() {
            Some(Frame::Blocks(b) | Frame::Quote(b)) => b,
            _ => unreachable!("a frame of blocks was just pushed"),
        }
    }

    fn close_paragraph(&mut self) {
        if let Some((runs, level)) = self.open.take() {
            let block = match level {
                Some(level) => Block::Heading { level, runs, marker: None },
                None => Block::Paragraph(runs),
            };
            self.blocks().push(block);
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        let style = Style { code, ..self.style };
        let runs = &mut self.open.get_or_insert_with(|| (vec![], None)).0;
        match runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => runs.push(Run { text: text.to_string(), style, change: None }),
        }
    }

    fn restyle(&mut self) {
        self.style =
            Style { strong: self.strong > 0, emphasis: self.emphasis > 0, strike: self.strike > 0, code: false };
    }

    /// Ends the innermost frame and returns its blocks.
    fn pop_blocks(&mut self) -> Vec<Block> {
        self.close_paragraph();
        match self.frames.pop() {
            Some(Frame::Blocks(b) | Frame::Quote(b)) => b,
            _ => vec![],
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => self.text(&t, false),
            Event::Code(t) => self.text(&t, true),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.text("\n", false),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), false),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }, false),
            Event::Rule | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) => {
                self.close_paragraph();
                self.open = Some((vec![], None));
            }
            Tag::Heading { level, .. } => {
                self.close_paragraph();
                self.open = Some((vec![], Some(level as u8)));
            }
            Tag::BlockQuote(_) => {
                self.close_paragraph();
                self.frames.push(Frame::Quote(vec![]));
            }
            Tag::List(start) => {
                self.close_paragraph();
                self.frames.push(Frame::List { ordered: start.is_some(), items: vec![] });
            }
            Tag::Item | Tag::TableCell => {
                self.close_paragraph();
                self.frames.push(Frame::Blocks(vec![]));
            }
            Tag::Table(_) => {
                self.close_paragraph();
                self.frames.push(Frame::Table { header: vec![], rows: vec![], row: vec![] });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    row.clear();
                }
            }
            Tag::Emphasis => {
                self.emphasis += 1;
                self.restyle();
            }
            Tag::Strong => {
                self.strong += 1;
                self.restyle();
            }
            Tag::Strikethrough => {
                self.strike += 1;
                self.restyle();
            }
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => self.close_paragraph(),
            TagEnd::BlockQuote(_) => {
                let blocks = self.pop_blocks();
                self.blocks().push(Block::Quote(blocks));
            }
            TagEnd::Item => {
                let blocks = self.pop_blocks();
                if let Some(Frame::List { items, .. }) = self.frames.last_mut() {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                self.close_paragraph();
                if let Some(Frame::List { ordered, items }) = self.frames.pop() {
                    self.blocks().push(Block::List { ordered, items });
                }
            }
            TagEnd::TableCell => {
                let blocks = self.pop_blocks();
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    row.push(blocks);
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { header, row, .. }) = self.frames.last_mut() {
                    *header = std::mem::take(row);
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.frames.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { header, rows, .. }) = self.frames.pop() {
                    self.blocks().push(Block::Table { header, rows });
                }
            }
            TagEnd::Emphasis => {
                self.emphasis = self.emphasis.saturating_sub(1);
                self.restyle();
            }
            TagEnd::Strong => {
                self.strong = self.strong.saturating_sub(1);
                self.restyle();
            }
            TagEnd::Strikethrough => {
                self.strike = self.strike.saturating_sub(1);
                self.restyle();
            }
            TagEnd::Link => {
                if let Some(url) = self.links.pop() {
                    self.text(&format!(" ({url})"), false);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close_paragraph();
        let mut out = vec![];
        // whatever a malformed stream left open is kept, in order
        while let Some(frame) = self.frames.pop() {
            let mut blocks = match frame {
                Frame::Blocks(b) => b,
                Frame::Quote(b) => vec![Block::Quote(b)],
                Frame::List { ordered, items } => vec![Block::List { ordered, items }],
                Frame::Table { header, rows, .. } => vec![Block::Table { header, rows }],
            };
            blocks.append(&mut out);
            out = blocks;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_emphasis_and_tables() {
        let blocks = parse(
            "Notice of **twelve months**, *in writing*.\n\n- first\n- second\n\n1. one\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert_eq!(blocks.len(), 4, "{blocks:#?}");
        let Block::Paragraph(runs) = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(runs[1], Run::strong("twelve months"));
        assert_eq!(runs[3], Run::emphasis("in writing"));
        assert!(matches!(&blocks[1], Block::List { ordered: false, items } if items.len() == 2));
        assert!(matches!(&blocks[2], Block::List { ordered: true, items } if items.len() == 1));
        let Block::Table { header, rows } = &blocks[3] else { panic!() };
        assert_eq!((header.len(), rows.len(), rows[0].len()), (2, 1, 2));
    }

    #[test]
    fn html_is_text_and_nesting_past_the_bound_is_plain() {
        let blocks = parse("<script>alert(1)</script>");
        assert_eq!(blocks, vec![Block::Paragraph(vec![Run::plain("<script>alert(1)</script>")])]);
        let deep = ">".repeat(crate::markdown::MAX_DEPTH + 5) + " deep";
        assert_eq!(parse(&deep), vec![Block::paragraph(deep.clone())]);
    }
}
