// Undo and redo for the poem, over typing and over every change the page makes (an
// accepted suggestion, a chosen candidate, a written or continued poem). The browser's own
// textarea undo knows nothing of the page's changes, so the page keeps the one history.
const LIMIT = 200;
const TYPING_PAUSE_MS = 600; // keystrokes closer than this undo together, like a word

export class History {
  constructor(initial) {
    this.past = [];
    this.future = [];
    this.present = initial;
    this.lastTyped = 0;
  }

  // A change the person typed: merged with the previous one while they keep typing.
  typed(text) {
    const now = performance.now();
    if (text === this.present) return;
    if (now - this.lastTyped > TYPING_PAUSE_MS || !this.past.length) this.push();
    this.present = text;
    this.future = [];
    this.lastTyped = now;
  }

  // A change made by the page: always its own step.
  replaced(text) {
    if (text === this.present) return;
    this.push();
    this.present = text;
    this.future = [];
    this.lastTyped = 0;
  }

  push() {
    this.past.push(this.present);
    if (this.past.length > LIMIT) this.past.shift();
  }

  undo() {
    if (!this.past.length) return null;
    this.future.push(this.present);
    this.present = this.past.pop();
    this.lastTyped = 0;
    return this.present;
  }

  redo() {
    if (!this.future.length) return null;
    this.past.push(this.present);
    this.present = this.future.pop();
    this.lastTyped = 0;
    return this.present;
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }
}
