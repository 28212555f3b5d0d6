// A job's progress as a person reads it: the stages by name (each ticked with its seconds
// when it ends, the running one marked), a bar, and the time elapsed, ticking while it runs.
// Each kind of job names its own stages; a remix has a creation's six (a kept part is
// ticked with "kept": its bytes are the old version's).
import { el } from "./dom.js";
import { t } from "./i18n.js";

export const STAGES = {
  creation: ["theme", "poem", "painting", "song", "page", "saved"],
  remix: ["theme", "poem", "painting", "song", "page", "saved"],
  painting: ["painting"],
  song: ["composing", "rendering"],
};

export class Progress {
  constructor(container, kind) {
    this.container = container;
    this.stages = STAGES[kind];
    this.snap = { status: "queued", events: [] };
    this.started = performance.now();
    this.timer = setInterval(() => this.draw(), 200);
    this.draw();
  }

  update(snap) {
    this.snap = snap;
    if (snap.status === "done" || snap.status === "failed") {
      clearInterval(this.timer);
      this.ended = performance.now();
    }
    this.draw();
  }

  draw() {
    const { status, events } = this.snap;
    const finished = status === "done" || status === "failed";
    const seen = new Map(events.map((e) => [e.step, e]));
    // A stage is done when it reported its seconds (creation) or when a later one began.
    const reached = this.stages.map((s) => seen.has(s));
    const done = this.stages.map((s, i) => (seen.get(s) && seen.get(s).seconds !== undefined)
      || reached.slice(i + 1).some(Boolean) || status === "done");
    const current = status === "running" ? done.indexOf(false) : -1;
    const items = this.stages.map((s, i) => {
      const e = seen.get(s);
      const state = done[i] ? "done" : i === current ? "running" : status === "failed" && i === done.indexOf(false) ? "failed" : "waiting";
      const secs = e && e.seconds !== undefined ? ` ${e.seconds.toFixed(1)} ${t("seconds")}` : "";
      const kept = e && e.kept ? ` (${t("kept")})` : "";
      return el("li", { class: state, "data-step": s, "aria-current": state === "running" ? "step" : null },
        t(`step_${s}`) + kept + secs);
    });
    const count = done.filter(Boolean).length;
    const elapsed = ((this.ended ?? performance.now()) - this.started) / 1000;
    const bar = el("progress", { max: this.stages.length, value: count, "aria-label": t("progress") });
    const words = status === "queued" ? t("step_queued") : finished ? t(`step_${status}`) : "";
    this.container.replaceChildren(
      el("ol", { class: "stages" }, items),
      el("div", { class: "barline" }, bar,
        el("span", { class: "elapsed" }, t("elapsed", { s: elapsed.toFixed(1) })),
        words ? el("span", { class: "status" }, words) : null));
    this.container.dataset.status = status;
  }

  stop() { clearInterval(this.timer); }
}
