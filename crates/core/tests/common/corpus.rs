//! Pathological texts a hostile party could table, each within the record's 1 MiB: deep nesting of every
//! block and inline kind, unclosed tags, runs of emphasis markers and brackets, huge tables, long
//! unbroken words, mixed scripts and combining marks. Shared by the tests and the benchmark.

/// (name, text)
pub fn pathological() -> Vec<(&'static str, String)> {
    let n = 50_000;
    let lines = |count: usize, line: &dyn Fn(usize) -> String| (0..count).map(line).collect::<String>();
    vec![
        ("nested quotes", ">".repeat(n) + " x"),
        ("nested quotes, a line each", lines(1400, &|i| ">".repeat(i) + " x\n")),
        ("nested bullet lists", lines(1000, &|i| " ".repeat(i * 2) + "- x\n")),
        ("nested numbered lists", lines(700, &|i| " ".repeat(i * 3) + "1. x\n")),
        ("quotes of lists", lines(600, &|i| "> - ".repeat(i) + "x\n")),
        ("nested emphasis", "*a ".repeat(n / 3) + &" b*".repeat(n / 3)),
        ("nested strong and strike", "**~~a ".repeat(n / 6) + &" b~~**".repeat(n / 6)),
        ("nested links", "[".repeat(n / 2) + "x" + &"](https://e.org)".repeat(n / 2)),
        ("a run of emphasis markers", "*".repeat(n) + "x"),
        ("a run of underscores", "_".repeat(n) + "x"),
        ("a run of brackets", "[".repeat(n) + "x"),
        ("unclosed link targets", "[a](".repeat(n / 4)),
        ("a run of backticks", "`".repeat(n)),
        ("unclosed divs", "<div>".repeat(n / 5)),
        ("unclosed spans", "<span><em><b>".repeat(n / 13)),
        ("unclosed comments", "<!--".repeat(n / 4)),
        ("a wide table", format!("{}\n{}\n{}\n", "|a".repeat(5000), "|-".repeat(5000), "|x".repeat(5000))),
        ("a long table", format!("|a|b|\n|-|-|\n{}", "|x|y|\n".repeat(n))),
        ("a long unbroken word", "x".repeat((1 << 20) - 16)),
        ("mixed scripts", "Статья 7-бап Article ١٢٣ 第七条 ".repeat(n / 40)),
        ("combining marks", "a\u{301}\u{302}\u{303}".repeat(n / 4)),
        ("footnotes", lines(5000, &|i| format!("[^{i}] "))),
        ("footnote definitions", lines(3000, &|i| format!("[^{i}]: [^{}]\n", i + 1))),
        ("nested html in markdown", "<table><tr><td>".repeat(n / 15) + "x"),
    ]
}
