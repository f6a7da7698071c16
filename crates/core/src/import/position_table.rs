//! The position table: `ref,title,` then one column per party (the header is the party's label), then
//! optionally `joint` and `base`. One row per clause, in order. The trilogue "four-column document" and
//! the negotiators' colour-coded tables are laid out this way.

use std::collections::HashMap;

use serde::Serialize;

use super::csv_strict;
use super::encoding::{TextEncoding, to_utf8};
use crate::error::{Error, Result};
use crate::message::Msg;

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub line: u64,
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// One cell per party, in the order of `PositionTable::parties`; empty when the party tabled nothing.
    pub positions: Vec<String>,
    pub joint: String,
    pub base: String,
}

#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionTable {
    pub parties: Vec<String>,
    pub has_joint: bool,
    pub has_base: bool,
    pub rows: Vec<TableRow>,
    /// How the file was written: its encoding, and its delimiter (`,` or `;`).
    pub encoding: TextEncoding,
    pub delimiter: char,
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    Ref,
    Title,
    Party(usize),
    Joint,
    Base,
}

pub fn parse_position_table(bytes: &[u8], source_name: &str) -> Result<PositionTable> {
    let err = |line: u64, column: Option<String>, message: Msg| Error::Import {
        source_name: source_name.to_string(),
        line,
        column,
        message: Box::new(message),
    };
    let (bytes, encoding) = to_utf8(bytes);
    let delimiter = csv_strict::detect_delimiter(&bytes);
    let mut records =
        csv_strict::read(&bytes, delimiter).map_err(|e| err(e.line, Some((e.field + 1).to_string()), e.message))?;
    // a cell our export kept from being read as a formula comes back as it was
    records.iter_mut().flat_map(|r| r.fields.iter_mut()).for_each(crate::spreadsheet::unguard);
    let Some((header, rows)) = records.split_first() else {
        return Err(err(1, None, Msg::TableEmpty));
    };
    let mut columns = Vec::with_capacity(header.fields.len());
    let mut parties = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, cell) in header.fields.iter().enumerate() {
        let name = cell.trim();
        let column_name = Some((i + 1).to_string());
        if name.is_empty() {
            return Err(err(header.line, column_name, Msg::HeaderCellEmpty));
        }
        if let Some(first) = seen.insert(name.to_lowercase(), i) {
            return Err(err(header.line, column_name, Msg::HeaderTwice { name: name.to_string(), column: first + 1 }));
        }
        let column = match (i, name.to_lowercase().as_str()) {
            (0, "ref") => Column::Ref,
            (1, "title") => Column::Title,
            (0 | 1, _) => {
                return Err(err(header.line, column_name, Msg::HeaderStart { name: name.to_string() }));
            }
            (_, "joint") => Column::Joint,
            (_, "base") => Column::Base,
            (_, "ref" | "title") => unreachable!("duplicates are refused above"),
            _ => {
                if columns.iter().any(|c| matches!(c, Column::Joint | Column::Base)) {
                    return Err(err(header.line, column_name, Msg::PartyAfterJoint { name: name.to_string() }));
                }
                parties.push(name.to_string());
                Column::Party(parties.len() - 1)
            }
        };
        columns.push(column);
    }
    if columns.len() < 2 {
        return Err(err(header.line, None, Msg::HeaderTooShort));
    }
    if parties.is_empty() {
        return Err(err(header.line, None, Msg::HeaderNoParty));
    }
    let column_label = |i: usize| format!("{} ({})", i + 1, header.fields[i].trim());
    let mut refs: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for record in rows {
        if record.fields.len() != columns.len() {
            return Err(err(record.line, None, Msg::RowCells { cells: record.fields.len(), header: columns.len() }));
        }
        let mut row = TableRow {
            line: record.line,
            reference: String::new(),
            title: String::new(),
            positions: vec![String::new(); parties.len()],
            joint: String::new(),
            base: String::new(),
        };
        for (i, (column, cell)) in columns.iter().zip(&record.fields).enumerate() {
            match column {
                Column::Ref => row.reference = cell.trim().to_string(),
                Column::Title => row.title = cell.trim().to_string(),
                Column::Party(p) => row.positions[*p] = cell.clone(),
                Column::Joint => row.joint = cell.clone(),
                Column::Base => row.base = cell.clone(),
            }
            if *column == Column::Ref && row.reference.is_empty() {
                return Err(err(record.line, Some(column_label(i)), Msg::RowNoRef));
            }
        }
        if let Some(first) = refs.insert(row.reference.to_lowercase(), record.line) {
            return Err(err(
                record.line,
                Some(column_label(0)),
                Msg::RefTwice { reference: row.reference.clone(), line: first },
            ));
        }
        out.push(row);
    }
    Ok(PositionTable {
        parties,
        has_joint: columns.contains(&Column::Joint),
        has_base: columns.contains(&Column::Base),
        rows: out,
        encoding,
        delimiter: char::from(delimiter),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<PositionTable> {
        parse_position_table(s.as_bytes(), "t.csv")
    }

    fn message(s: &str) -> String {
        parse(s).unwrap_err().to_string()
    }

    #[test]
    fn reads_a_four_column_table() {
        let t = parse("ref,title,TU,EA,MoL,joint,base\nArt. 1,Scope,a,b,c,j,s\nArt. 2,Notice,,b2,,,\n").unwrap();
        assert_eq!(t.parties, vec!["TU", "EA", "MoL"]);
        assert!(t.has_joint && t.has_base);
        assert_eq!(t.rows[0].positions, vec!["a", "b", "c"]);
        assert_eq!((t.rows[0].joint.as_str(), t.rows[0].base.as_str()), ("j", "s"));
        assert_eq!(t.rows[1].positions, vec!["", "b2", ""]);
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn bad_headers_are_named() {
        assert_eq!(message(""), "t.csv, line 1: the file is empty: it needs a header row `ref,title,<party>,…`");
        assert!(message("ref,title,A,,B\n").contains("line 1, column 4: the header cell is empty"));
        assert!(message("ref,title,A,a\n").contains("column 4: 'a' is already the header of column 3"));
        assert!(message("id,title,A\n").contains("must begin `ref,title`"));
        assert!(message("ref,title\n").contains("names no party"));
        assert!(message("ref,title,A,joint,B\n").contains("comes after joint"));
    }

    #[test]
    fn bad_rows_are_named() {
        assert!(message("ref,title,A\n1,x,y\n2,x\n").contains("line 3: this row has 2 cells where the header has 3"));
        assert!(
            message("ref,title,A\n1,x,y\n1,z,w\n")
                .contains("line 3, column 1 (ref): ref '1' is already used on line 2")
        );
        assert!(message("ref,title,A\n ,x,y\n").contains("line 2, column 1 (ref): the clause has no ref"));
        assert!(message("ref,title,A\n1,\"x,y\n").contains("line 2, column 2: a quoted cell is never closed"));
    }
}
