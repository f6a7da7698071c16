//! A CSV cell that a spreadsheet could take for a formula. A cell beginning `=`, `+`, `-`, `@`, a tab
//! or a carriage return is run as a formula by Excel, LibreOffice and the like (OWASP's "CSV
//! injection"): a party's text `=HYPERLINK(…)` would become a live link in the other side's
//! spreadsheet. Trilogue's exports put an apostrophe before such a cell, which spreadsheets read as
//! "this is text"; its imports take that apostrophe off again, so a table exported and imported is
//! the same cell for cell.

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` begins with an apostrophe that [`guard`] put there.
fn guarded(cell: &str) -> bool {
    let mut chars = cell.chars();
    chars.next() == Some('\'') && chars.next().is_some_and(|c| c == '\'' || TRIGGERS.contains(&c))
}

/// The cell as an export writes it: an apostrophe before anything a spreadsheet would run, and before
/// a cell that already looks guarded, so that [`unguard`] gives back exactly the cell.
pub fn guard(cell: &str) -> String {
    if cell.starts_with(TRIGGERS) || guarded(cell) { format!("'{cell}") } else { cell.to_string() }
}

/// The cell as the record keeps it: the apostrophe of [`guard`] taken off.
pub fn unguard(cell: &mut String) {
    if guarded(cell) {
        cell.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_become_text() {
        for cell in ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\r=x", "=HYPERLINK(\"http://x\")"] {
            assert!(guard(cell).starts_with('\''), "{cell:?}");
        }
        for cell in ["Art. 7", "", "'", "'quoted'", "7 = seven", "Статья 1"] {
            assert_eq!(guard(cell), cell);
        }
    }

    proptest! {
        #[test]
        fn unguard_gives_back_the_cell(cell in "['=+@\\t\\r -]{0,3}[a-zа-я =+'-]{0,6}") {
            let written = guard(&cell);
            prop_assert!(!written.starts_with(TRIGGERS));
            let mut read = written;
            unguard(&mut read);
            prop_assert_eq!(read, cell);
        }
    }
}
