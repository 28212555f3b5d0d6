// Calls to the studio's JSON API. In token mode the studio swapped ?token= for an HttpOnly
// cookie before this page loaded: the browser sends it with every call, EventSource, link,
// image and audio of this origin, and no script (ours or injected) can read it.
import { CodedError } from "./errors.js";

export class ApiError extends Error {
  constructor(body, status) {
    super(body.code || `HTTP ${status}`);
    this.body = body;
    this.status = status;
  }
}

export async function api(path, { method = "GET", json, form, signal } = {}) {
  const headers = {};
  let body;
  if (json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(json); }
  if (form) body = form;
  const response = await fetch(path, { method, headers, body, signal });
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(typeof data === "object" ? data : { code: "http" }, response.status);
  return data;
}

// Start a job (POST returning {id}) and follow its server-sent events until it finishes;
// onEvent sees every state, the first one (queued) included.
export async function runJob(path, json, onEvent) {
  const job = await api(path, { method: "POST", json });
  if (onEvent) onEvent(job);
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/api/jobs/${job.id}/events`);
    source.onmessage = (message) => {
      const snap = JSON.parse(message.data);
      if (onEvent) onEvent(snap);
      if (snap.status === "done") { source.close(); resolve(snap.result); }
      if (snap.status === "failed") { source.close(); reject(new ApiError(snap.error, 400)); }
    };
    source.onerror = () => {
      // The stream dropped: fall back to one poll so a finished job is not lost.
      source.close();
      api(`/api/jobs/${job.id}`).then((snap) => {
        if (onEvent) onEvent(snap);
        if (snap.status === "done") resolve(snap.result);
        else if (snap.status === "failed") reject(new ApiError(snap.error, 400));
        else reject(new CodedError("lost_job"));
      }, reject);
    };
  });
}

// Stream a POST's server-sent events (fetch, because EventSource cannot POST).
export async function streamPost(path, json, onData) {
  const headers = { "Content-Type": "application/json" };
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(json) });
  if (!response.ok) throw new ApiError(await response.json(), response.status);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const chunk = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      for (const line of chunk.split("\n")) if (line.startsWith("data: ")) onData(JSON.parse(line.slice(6)));
    }
  }
}
