//! This crate's queries are checked against PostgreSQL, the core's against SQLite, and sqlx's macros
//! read one variable, DATABASE_URL, for both. So this crate is given its own: TRILOGUE_PG_URL becomes
//! its DATABASE_URL (scripts/sqlx-prepare sets both at once); without one, its queries are checked
//! against the committed offline data (.sqlx/), whatever DATABASE_URL says.
fn main() {
    println!("cargo:rerun-if-env-changed=TRILOGUE_PG_URL");
    println!("cargo:rerun-if-env-changed=SQLX_OFFLINE");
    println!("cargo:rerun-if-changed=migrations");
    match std::env::var("TRILOGUE_PG_URL") {
        Ok(url) if !url.is_empty() => println!("cargo:rustc-env=DATABASE_URL={url}"),
        _ => println!("cargo:rustc-env=SQLX_OFFLINE=true"),
    }
}
