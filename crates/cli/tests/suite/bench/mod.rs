//! The real `trilogue-cli` binary on a workbench file of its own, as a script or a negotiator would
//! run it: the tests' clock, a named person acting.

#![allow(dead_code)] // each test module uses its own part

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

use super::common;

pub struct Bench {
    pub dir: tempfile::TempDir,
    db: PathBuf,
    /// A command the binary runs under (as `nsenter …`), if any.
    under: Vec<String>,
}

impl Bench {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("workbench.sqlite3");
        Bench { dir, db, under: vec![] }
    }

    /// The same, on the workbench at `db`, the binary run under the command `under`.
    pub fn under(under: Vec<String>, db: PathBuf) -> Self {
        Bench { dir: tempfile::tempdir().unwrap(), db, under }
    }

    pub fn db(&self) -> PathBuf {
        self.db.clone()
    }

    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let binary = env!("CARGO_BIN_EXE_trilogue-cli");
        let mut c = match self.under.split_first() {
            Some((program, args)) => {
                let mut c = Command::new(program);
                c.args(args).arg(binary);
                c
            }
            None => Command::new(binary),
        };
        c.arg("--db").arg(self.db()).args(args).env("TRILOGUE_USER", "Aigerim Seitkali").env_remove("TRILOGUE_DB");
        // the tests' clock, whatever the machine's says (one test below runs on the real one)
        c.env("TRILOGUE_NOW", common::now().to_rfc3339());
        // documents in English, whatever the machine's language; a test asks for another with --lang
        c.env("TRILOGUE_LANG", "en");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Runs a command that must fail with exit code 1; returns its standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        assert!(out.stdout.is_empty(), "nothing on stdout when failing");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: "), "{err}");
        err
    }

    pub fn negotiation_count(&self) -> usize {
        self.json(&["negotiations", "--json"]).as_array().unwrap().len()
    }
}
