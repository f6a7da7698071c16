// The user's own choices, kept between sessions on this machine.
export type Theme = "system" | "light" | "dark";

export function loadTheme(): Theme {
  const t = localStorage.getItem("trilogue.theme");
  return t === "light" || t === "dark" ? t : "system";
}

export function applyTheme(theme: Theme): void {
  localStorage.setItem("trilogue.theme", theme);
  if (theme === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", theme);
}
