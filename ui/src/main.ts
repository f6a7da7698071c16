import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { tauriBackend } from "./lib/backend";
import { tauriDesktop } from "./lib/desktop";
import { startI18n } from "./lib/i18n";
import { applyTheme, loadTheme } from "./lib/preferences";

startI18n();
applyTheme(loadTheme());
mount(App, { target: document.getElementById("app")!, props: { backend: tauriBackend, desktop: tauriDesktop } });
