import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { tauriBackend } from "./lib/backend";
import { tauriDesktop } from "./lib/desktop";
import { locale } from "svelte-i18n";
import { isLanguage, startI18n } from "./lib/i18n";
import { applyTheme, loadTheme } from "./lib/preferences";

startI18n();
// the core words its refusals in the language the interface speaks
locale.subscribe((code) => {
  if (isLanguage(code)) void tauriBackend.setLanguage(code);
});
applyTheme(loadTheme());
mount(App, { target: document.getElementById("app")!, props: { backend: tauriBackend, desktop: tauriDesktop } });
