//! How WebKitGTK paints the window on a machine without a GPU.
//!
//! Where no GPU is reachable (a virtual machine, a remote desktop, a ministry's thin client, Xvfb), Mesa
//! gives WebKit OpenGL in software (llvmpipe): WebKit would rasterise every tile through it and composite
//! the layers with it. There, the app has Skia rasterise on the CPU and WebKit paint the page into one
//! buffer without compositing. (WebKit still starts EGL, so Mesa and its shader compiler stay mapped.) Measured
//! on the 1,775-clause table under Xvfb, one run against the other (BENCHMARKS.md): PSS with the clause
//! list open 346 → 275 MB, and the list and the four-column document scroll at 16 ms a frame (the
//! display's rate) instead of 27–31 ms. With a GPU nothing changes; a value the user set themselves
//! always wins.

use std::path::Path;

/// Skia rasterises on the CPU instead of through software OpenGL.
const CPU_RASTER: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
/// WebKit paints the page into one buffer instead of compositing layers through software GL: less
/// memory held for layers and their textures, and every frame painted at the display's rate here.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether this machine draws with software OpenGL only: no DRI render node to reach a GPU through,
/// or Mesa told to use software (`LIBGL_ALWAYS_SOFTWARE`).
fn software_gl_only(dri: &Path, always_software: Option<&str>) -> bool {
    let has_render_node = std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    !has_render_node || always_software.is_some_and(|v| !v.is_empty() && v != "0")
}

/// Where there is no GPU, has WebKit paint on the CPU without compositing. Called first thing in `main`,
/// before any thread starts, so that WebKit's processes (which inherit the environment) see it. Each
/// variable the user set themselves is left as they set it.
pub fn paint_on_the_cpu_without_gpu() {
    let always_software = std::env::var("LIBGL_ALWAYS_SOFTWARE").ok();
    if !software_gl_only(Path::new("/dev/dri"), always_software.as_deref()) {
        return;
    }
    for name in [CPU_RASTER, NO_COMPOSITING] {
        if std::env::var_os(name).is_none() {
            // SAFETY: main has not started any thread yet, so nothing reads the environment concurrently.
            unsafe { std::env::set_var(name, "1") };
        }
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
