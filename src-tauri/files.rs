//! Files only from the user: the webview never names a path. A command that reads or writes a file
//! shows the native open or save dialog itself, from the Rust side, and uses only what the user chose
//! there. A file read for a preview stays on this side behind a handle, so what is written afterwards is
//! exactly what was previewed. Exports are written beside their target and renamed into place, so a
//! full disk or a failed write never leaves half a file under the user's name.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tauri::WebviewWindow;
use tauri_plugin_dialog::DialogExt;
use tokio::sync::oneshot;

use trilogue_core::document::Format;
use trilogue_core::message::Msg;

use crate::error::{IpcError, IpcResult};

/// The largest file Trilogue reads: far above any agreement, far below what would stall the window.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// What a file dialog offers: a name for its file type and the extensions it shows.
pub type Filter = (&'static str, &'static [&'static str]);

pub const WORKBENCHES: Filter = ("Trilogue workbench", &["sqlite3", "sqlite", "db"]);
pub const TABLES: Filter = ("CSV", &["csv"]);
pub const TEXTS: Filter = ("Markdown", &["md", "markdown", "txt"]);
pub const HTML: Filter = ("HTML", &["html"]);
pub const WORD: Filter = ("Word", &["docx"]);
pub const SUBMISSIONS: Filter = ("CSV, Markdown, Word", &["csv", "md", "markdown", "txt", "docx"]);

/// What a Save dialog offers for a document written as `format`.
pub fn document_filter(format: Format) -> Filter {
    match format {
        Format::Markdown => TEXTS,
        Format::Html => HTML,
        Format::Docx => WORD,
    }
}

/// The file the user picks in the native Open dialog over `window`; none when they cancel.
pub async fn choose_to_open(window: &WebviewWindow, filter: Filter) -> Option<PathBuf> {
    let (tx, rx) = oneshot::channel();
    window.dialog().file().set_parent(window).add_filter(filter.0, filter.1).pick_file(move |path| {
        let _ = tx.send(path);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// Where the user chooses, in the native Save dialog, to save `name`; none when they cancel.
pub async fn choose_to_save(window: &WebviewWindow, name: &str, filter: Filter) -> Option<PathBuf> {
    let (tx, rx) = oneshot::channel();
    let dialog = window.dialog().file().set_parent(window).add_filter(filter.0, filter.1).set_file_name(name);
    dialog.save_file(move |path| {
        let _ = tx.send(path);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// A file the user chose, read whole — refused above [`MAX_FILE_BYTES`] before it is read.
pub struct Chosen {
    /// Its name, which messages and the journal call it by: never its folder.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Chosen {
    pub async fn read(path: &Path) -> IpcResult<Chosen> {
        let name = path.file_name().map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
        let size = tokio::fs::metadata(path).await?.len();
        if size > MAX_FILE_BYTES {
            return Err(IpcError::refused(
                "import",
                Msg::FileTooLarge { name, mb: size >> 20, max: MAX_FILE_BYTES >> 20 },
            ));
        }
        Ok(Chosen { name, bytes: tokio::fs::read(path).await? })
    }

    pub fn is_table(&self) -> bool {
        Path::new(&self.name).extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    }

    pub fn is_word(&self) -> bool {
        Path::new(&self.name).extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    }
}

/// The file read for the preview on screen, behind its handle: one at a time, taken in or replaced.
#[derive(Default)]
pub struct Pending {
    slot: Mutex<Option<(u32, Arc<Chosen>)>>,
}

impl Pending {
    /// Keeps `chosen` for what follows its preview; its handle.
    pub fn keep(&self, chosen: Chosen) -> u32 {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        let handle = slot.as_ref().map_or(1, |(h, _)| h.wrapping_add(1));
        *slot = Some((handle, Arc::new(chosen)));
        handle
    }

    /// The file behind `handle`, if it is still the one kept.
    pub fn get(&self, handle: u32) -> IpcResult<Arc<Chosen>> {
        let slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        match slot.as_ref() {
            Some((h, chosen)) if *h == handle => Ok(chosen.clone()),
            _ => Err(IpcError::refused("not_found", Msg::ChooseAgain)),
        }
    }

    /// Lets go of the file behind `handle` once it is taken in.
    pub fn release(&self, handle: u32) {
        let mut slot = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        if slot.as_ref().is_some_and(|(h, _)| *h == handle) {
            *slot = None;
        }
    }
}

/// Writes `text` to `path` whole or not at all: into a file beside it, synced, then renamed over it.
pub async fn write_whole(path: &Path, bytes: impl AsRef<[u8]>) -> IpcResult<()> {
    let name = path.file_name().map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let partial = path.with_file_name(format!(".{name}.partial"));
    let written = async {
        let mut file = tokio::fs::File::create(&partial).await?;
        tokio::io::AsyncWriteExt::write_all(&mut file, bytes.as_ref()).await?;
        file.sync_all().await?;
        tokio::fs::rename(&partial, path).await
    }
    .await;
    if let Err(e) = written {
        let _ = tokio::fs::remove_file(&partial).await;
        return Err(IpcError::refused("io", Msg::WriteFailed { name, detail: e.to_string() }));
    }
    Ok(())
}

/// An export: asks where to save `name`, then makes the `text` and writes it there — nothing is made
/// when the user cancels. The file's name, or none.
pub async fn export(
    window: &WebviewWindow,
    name: &str,
    filter: Filter,
    contents: impl std::future::Future<Output = IpcResult<impl AsRef<[u8]>>>,
) -> IpcResult<Option<String>> {
    let Some(path) = choose_to_save(window, name, filter).await else {
        return Ok(None);
    };
    write_whole(&path, contents.await?).await?;
    Ok(Some(path.file_name().map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned())))
}

/// The name the Save dialog suggests: the negotiation's title and what the file holds, with nothing a
/// file system could take for a folder or a device.
pub fn suggested_name(title: &str, what: &str, extension: &str) -> String {
    let clean: String =
        title.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c }).take(80).collect();
    let clean = clean.trim().trim_start_matches('.');
    if clean.is_empty() { format!("{what}.{extension}") } else { format!("{clean} — {what}.{extension}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_name_never_leaves_the_folder_chosen() {
        assert_eq!(suggested_name("../../etc/passwd", "agreement", "md"), "-..-etc-passwd — agreement.md");
        assert_eq!(suggested_name("Соглашение 2027", "packet", "html"), "Соглашение 2027 — packet.html");
        assert_eq!(suggested_name("  ", "table", "csv"), "table.csv");
        assert_eq!(suggested_name("a\u{0}b\nc", "x", "csv"), "a-b-c — x.csv");
    }
}
