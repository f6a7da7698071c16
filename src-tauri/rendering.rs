//! How WebKitGTK paints the window on a machine without a GPU.
//!
//! Where no GPU is reachable (a virtual machine, a remote desktop, a ministry's thin client, Xvfb), Mesa
//! gives WebKit OpenGL in software (llvmpipe) and WebKit rasterises every tile through it. Skia's CPU
//! rasteriser paints the same tiles faster and in less memory: measured on the 1,775-clause table under
//! Xvfb, PSS 315 → 291 MB at the dashboard, list scroll frames 44 → 34 ms (BENCHMARKS.md). With a GPU
//! nothing changes; a value the user set themselves always wins.

use std::path::Path;

const CPU_RASTER: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Whether this machine draws with software OpenGL only: no DRI render node to reach a GPU through,
/// or Mesa told to use software (`LIBGL_ALWAYS_SOFTWARE`).
fn software_gl_only(dri: &Path, always_software: Option<&str>) -> bool {
    let has_render_node = std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    !has_render_node || always_software.is_some_and(|v| !v.is_empty() && v != "0")
}

/// Chooses Skia's CPU rasteriser where there is no GPU. Called first thing in `main`, before any
/// thread starts, so that WebKit's processes (which inherit the environment) see it.
pub fn prefer_cpu_raster_without_gpu() {
    if std::env::var_os(CPU_RASTER).is_some() {
        return;
    }
    let always_software = std::env::var("LIBGL_ALWAYS_SOFTWARE").ok();
    if software_gl_only(Path::new("/dev/dri"), always_software.as_deref()) {
        // SAFETY: main has not started any thread yet, so nothing reads the environment concurrently.
        unsafe { std::env::set_var(CPU_RASTER, "1") };
    }
}

#[cfg(test)]
mod tests {
    use super::software_gl_only;

    #[test]
    fn software_only_without_a_render_node_or_when_mesa_is_told_so() {
        let dir = tempfile::tempdir().unwrap();
        let dri = dir.path().join("dri");
        assert!(software_gl_only(&dri, None), "no /dev/dri at all");
        std::fs::create_dir(&dri).unwrap();
        std::fs::write(dri.join("card0"), "").unwrap();
        assert!(software_gl_only(&dri, None), "a card without a render node");
        std::fs::write(dri.join("renderD128"), "").unwrap();
        assert!(!software_gl_only(&dri, None), "a GPU's render node");
        assert!(!software_gl_only(&dri, Some("0")));
        assert!(software_gl_only(&dri, Some("1")), "Mesa told to use software");
    }
}
