//! What the end-to-end run measures outside the page: the app's processes, how long they have run,
//! and the memory they hold (PSS: shared pages divided among the processes sharing them).

use std::path::Path;

/// Every process under `root`, `root` included.
pub fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent(pid)?)))
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let p = found[i];
        found.extend(parents.iter().filter(|(_, ppid)| *ppid == p).map(|(pid, _)| *pid));
        i += 1;
    }
    found
}

/// The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    Some(after.split_whitespace().map(str::to_string).collect())
}

fn parent(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// The process under `root` running `exe`.
pub fn find_exe(root: u32, exe: &Path) -> Option<u32> {
    let exe = exe.canonicalize().ok()?;
    descendants(root)
        .into_iter()
        .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).ok().as_deref() == Some(&exe))
}

/// How long the process has run, in milliseconds (to the kernel's clock tick, 10 ms).
pub fn age_ms(pid: u32) -> f64 {
    let ticks_per_s: f64 =
        String::from_utf8(std::process::Command::new("getconf").arg("CLK_TCK").output().unwrap().stdout)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
    let started: f64 = stat_fields(pid).unwrap()[19].parse().unwrap();
    let uptime: f64 =
        std::fs::read_to_string("/proc/uptime").unwrap().split_whitespace().next().unwrap().parse().unwrap();
    (uptime - started / ticks_per_s) * 1000.0
}

/// The PSS of `root` and every process under it, in MB, and what each process holds.
pub fn pss_mb(root: u32) -> (f64, Vec<String>) {
    let mut total = 0.0;
    let mut each = Vec::new();
    for pid in descendants(root) {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else { continue };
        let kb: f64 = rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0.0);
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        each.push(format!("{} {:.0} MB", name.trim(), kb / 1024.0));
        total += kb / 1024.0;
    }
    (total, each)
}

/// The environment of the first process under `root` whose name starts with `name`.
pub fn environ_of(root: u32, name: &str) -> Option<Vec<String>> {
    let pid = descendants(root)
        .into_iter()
        .find(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|comm| comm.starts_with(name)))?;
    let raw = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    Some(raw.split(|b| *b == 0).map(|v| String::from_utf8_lossy(v).into_owned()).collect())
}
