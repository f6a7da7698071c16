//! A full disk and a read-only one, for real: a small tmpfs mounted in a user and mount namespace of
//! the test's own (`unshare`, util-linux), so that no privilege is needed and nothing outside changes.
//! The real `trilogue-cli` runs inside that namespace (`nsenter`) on a workbench on that disk, while
//! the test fills the disk through `/proc/PID/root`, frees it, and remounts it read-only.

use crate::bench;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use bench::Bench;
use serde_json::Value;

/// A tmpfs of `size` in a namespace of its own, kept by a small shell that takes orders on its input.
struct SmallDisk {
    shell: Child,
    orders: ChildStdin,
    answers: BufReader<ChildStdout>,
    /// The shell's process, whose namespaces the binaries enter.
    pid: String,
    /// Where the disk is mounted inside the namespace.
    mount_point: tempfile::TempDir,
    /// The disk's root, as the test reaches it from outside.
    root: PathBuf,
}

const SHELL: &str = r#"
mount -t tmpfs -o size="$1" trilogue-test "$0" || exit 1
echo "ready $$"
while read order; do
  case $order in
    ro) mount -o remount,ro "$0" && echo done ;;
  esac
done
"#;

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let mount_point = tempfile::tempdir().unwrap();
        let mut shell = Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "sh", "-c", SHELL])
            .arg(mount_point.path())
            .arg(size)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("unshare (util-linux)");
        let mut answers = BufReader::new(shell.stdout.take().unwrap());
        let mut line = String::new();
        answers.read_line(&mut line).unwrap();
        let pid = line.strip_prefix("ready ").unwrap_or_else(|| {
            panic!(
                "no small disk: this test mounts a tmpfs in a user namespace of its own (unshare -rm), which \
                 this system refuses to an unprivileged user (on Ubuntu: kernel.apparmor_restrict_unprivileged_userns)"
            )
        });
        let pid = pid.trim().to_string();
        let root = PathBuf::from(format!("/proc/{pid}/root")).join(mount_point.path().strip_prefix("/").unwrap());
        let orders = shell.stdin.take().unwrap();
        SmallDisk { shell, orders, answers, pid, mount_point, root }
    }

    /// The command that runs a program inside the namespace, where the disk is.
    fn inside(&self) -> Vec<String> {
        let enter = ["nsenter", "--target", &self.pid, "--user", "--mount", "--preserve-credentials", "--"];
        enter.iter().map(|s| s.to_string()).collect()
    }

    /// A bench on a workbench on this disk.
    fn bench(&self) -> Bench {
        Bench::under(self.inside(), self.mount_point.path().join("workbench.sqlite3"))
    }

    /// A path on this disk, as the test reaches it.
    fn outside(&self, inside: &Path) -> PathBuf {
        self.root.join(inside.strip_prefix(self.mount_point.path()).unwrap())
    }

    fn order(&mut self, order: &str) {
        writeln!(self.orders, "{order}").unwrap();
        let mut line = String::new();
        self.answers.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "done", "{order}");
    }

    /// Fills the disk but for about `spare` bytes; returns the filler's size.
    fn fill_leaving(&self, spare: usize) -> u64 {
        let reserve = self.root.join("reserve");
        std::fs::write(&reserve, vec![0u8; spare]).unwrap();
        let mut filler = std::fs::File::create(self.root.join("filler")).unwrap();
        let chunk = vec![0u8; 16 * 1024];
        let mut size = 0;
        loop {
            match filler.write(&chunk) {
                Ok(0) => break,
                Ok(n) => size += n as u64,
                Err(e) if e.raw_os_error() == Some(28) => break, // ENOSPC
                Err(e) => panic!("filling the disk: {e}"),
            }
        }
        let _ = filler.sync_all();
        std::fs::remove_file(reserve).unwrap();
        size
    }

    fn free(&self) {
        std::fs::remove_file(self.root.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = self.shell.kill();
        let _ = self.shell.wait();
    }
}

/// Another connection that keeps the workbench's write-ahead log open, as the app does while it runs:
/// the writes then go on into the log instead of needing new files.
struct Holder(Child);

impl Holder {
    fn open(disk: &SmallDisk, db: &Path) -> Holder {
        let inside = disk.inside();
        let mut child = Command::new(&inside[0])
            .args(&inside[1..])
            .arg("sqlite3")
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.as_mut().unwrap(), "SELECT count(*) FROM clauses;").unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
        assert!(line.trim().parse::<u32>().is_ok(), "sqlite3 read the workbench: {line}");
        Holder(child)
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

/// A text of about `bytes`, different for each `i`.
fn long_text(i: usize, bytes: usize) -> String {
    let words = ["retraining", "before", "dismissal", "algorithmic", "management", "консультации", "қызметкер"];
    let mut text = format!("Proposal {i}:");
    let mut n = i;
    while text.len() < bytes {
        n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        text.push(' ');
        text.push_str(words[(n >> 33) % words.len()]);
    }
    text + ".\n"
}

fn texts_of(b: &Bench, clause: &str) -> Vec<String> {
    let shown = b.json(&["show", clause, "--json"]);
    shown["versions"].as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap().to_string()).collect()
}

const FULL: &str = "the disk holding the workbench is full: nothing of this change was written";

#[test]
fn a_full_disk_refuses_clearly_and_loses_nothing_acknowledged() {
    let disk = SmallDisk::mount("8m");
    let b = disk.bench();
    b.ok(&["demo"]);

    // While the workbench is open elsewhere, the disk fills up under a party's long proposals.
    let holder = Holder::open(&disk, &b.db());
    disk.fill_leaving(320 * 1024);
    let (mut acknowledged, mut refused) = (vec![], 0);
    for i in 0..12 {
        let text = long_text(i, 40 * 1024);
        let file = b.file(&format!("proposal-{i}.md"), &text);
        let out = b.run(&["propose", "Art. 1", "--party", "EMP", "--file", file.to_str().unwrap(), "--table"]);
        if out.status.success() {
            acknowledged.push(text);
        } else {
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{err}");
            assert!(err.contains(FULL), "a clear message: {err}");
            refused += 1;
        }
    }
    assert!(!acknowledged.is_empty() && refused > 0, "{} acknowledged, {refused} refused", acknowledged.len());
    // a full disk still reads, and holds everything it acknowledged
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    let texts = texts_of(&b, "Art. 1");
    let lost = acknowledged.iter().filter(|t| !texts.contains(t)).count();
    // a short note may still find room in the log's tail: written and kept, or refused in the same words
    let note = b.run(&["note", "Art. 2", "--priority", "important", "--reasoning", "on a full disk"]);
    let notes = |b: &Bench| b.json(&["show", "Art. 2", "--json"])["private_notes"].clone();
    let noted = |b: &Bench, what: &str| notes(b).as_array().unwrap().iter().any(|n| n["reasoning"] == what);
    if note.status.success() {
        assert!(noted(&b, "on a full disk"));
    } else {
        assert!(String::from_utf8_lossy(&note.stderr).contains(FULL));
    }
    eprintln!("full disk: 12 attempted, {} acknowledged, {refused} refused clearly, {lost} lost", acknowledged.len());
    assert_eq!(lost, 0);

    // Space again: the record is whole and takes writes.
    disk.free();
    drop(holder);
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    b.ok(&["note", "Art. 2", "--priority", "important", "--reasoning", "space again"]);

    // Full when the workbench is opened: no room even for SQLite's own files beside it. It is read as
    // it is, and every write is refused with the same words.
    disk.fill_leaving(0);
    let err = b.fails(&["status", "Art. 4", "parked", "--reason", "no room"]);
    assert!(err.contains(FULL), "{err}");
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    assert!(noted(&b, "space again"));
    assert_eq!(b.json(&["show", "Art. 4", "--json"])["clause"]["status"], "open");
    disk.free();
    b.ok(&["status", "Art. 4", "parked", "--reason", "room again"]);
}

#[test]
fn a_read_only_workbench_reads_and_refuses_every_write() {
    let mut disk = SmallDisk::mount("8m");
    let b = disk.bench();
    b.ok(&["demo"]);
    let file = disk.outside(&b.db());
    let before = std::fs::read(&file).unwrap();
    disk.order("ro");

    // everything reads
    assert!(b.ok(&["verify", "1"]).contains("are intact"));
    assert!(b.ok(&["show", "Art. 7"]).contains("Art. 7"));
    assert!(b.ok(&["compare-all", "1"]).contains("Art. 7"));
    let table = b.dir.path().join("table.csv");
    b.ok(&["export-table", "1", "--out", table.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&table).unwrap().contains("Art. 7"));
    let version: Value = b.json(&["show", "Art. 7", "--json"])["versions"][0]["id"].clone();

    // no write goes through, each says why
    let text = b.file("text.md", "A text for a read-only disk.\n");
    let writes: [&[&str]; 7] = [
        &["propose", "Art. 1", "--party", "EMP", "--file", text.to_str().unwrap(), "--table"],
        &["note", "Art. 2", "--priority", "important", "--reasoning", "read-only"],
        &["status", "Art. 4", "parked", "--reason", "read-only"],
        &["initial", "Art. 7", "--party", "EMP", "--version", &version.to_string()],
        &["clause", "add", "1", "--ref", "Art. 99", "--title", "Read-only"],
        &["schedule", "1", "--at", "2027-03-01T05:00:00Z", "--place", "Hall 3"],
        &["delegate", "add", "1", "--org", "TU", "--name", "Read Only", "--role", "member"],
    ];
    for args in writes {
        let err = b.fails(args);
        assert!(err.contains("the workbench is read-only"), "{args:?}: {err}");
    }
    assert!(std::fs::read(&file).unwrap() == before, "the file is byte for byte as it was");
    assert!(!PathBuf::from(format!("{}-wal", file.display())).exists(), "nothing was written beside it");
}
