// The opencode SDK, used through workspace-backend: the backend's path route
// /sessions/{id}/opencode/ is an opencode server, reached with the backend's own token (the
// backend swaps it for the session's secret). This program follows the event stream, creates an
// opencode session, sees its event arrive, and lists the sessions.
//
//   WORKSPACE_URL=http://127.0.0.1:8080 WORKSPACE_TOKEN=... WORKSPACE_SESSION_ID=... npm start
import { createOpencodeClient } from "@opencode-ai/sdk";

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name} (see README.md)`);
    process.exit(2);
  }
  return value;
}

const server = setting("WORKSPACE_URL").replace(/\/+$/, "");
const token = setting("WORKSPACE_TOKEN");
const sessionId = setting("WORKSPACE_SESSION_ID");
const title = process.env.OPENCODE_SESSION_TITLE ?? "from the TypeScript example";

const opencode = createOpencodeClient({
  baseUrl: `${server}/sessions/${sessionId}/opencode`,
  headers: { Authorization: `Bearer ${token}` },
});

// Follow the events first, so the new session's event cannot slip by; give up after a minute.
// The stream connects when it is first read, and its first event says it is connected.
const stop = new AbortController();
const giveUp = setTimeout(() => stop.abort(), 60_000);
const events = (await opencode.event.subscribe({ signal: stop.signal })).stream;
const connected = await events.next();
console.log(`following opencode's events (${connected.done ? "ended" : connected.value.type})`);

const { data: created } = await opencode.session.create({
  body: { title },
  throwOnError: true,
});
console.log(`created opencode session ${created.id} "${created.title}"`);

let arrived = false;
for await (const event of events) {
  if (event.type === "session.created" && event.properties.info.id === created.id) {
    console.log(`event ${event.type} arrived for ${created.id}`);
    arrived = true;
    break;
  }
}
clearTimeout(giveUp);
stop.abort();
if (!arrived) {
  console.error(`no session.created event for ${created.id} within a minute`);
  process.exit(1);
}

const { data: sessions } = await opencode.session.list({ throwOnError: true });
console.log(`sessions in this workspace: ${sessions.length}`);
for (const session of sessions) {
  console.log(`  ${session.id}  ${session.title}`);
}
