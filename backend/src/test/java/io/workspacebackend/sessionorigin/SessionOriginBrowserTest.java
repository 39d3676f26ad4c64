package io.workspacebackend.sessionorigin;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.auth.CredentialCookies;
import io.workspacebackend.model.auth.SignedIn;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.proxy.HeadlessChromium;
import io.workspacebackend.proxy.LiveSession;
import io.workspacebackend.testing.Accounts;
import io.workspacebackend.testing.RunningBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session origins in a real browser (headless Chromium): opencode's web UI and ttyd's page work at
 * their session's origin, and a page its user put in a session can do nothing with an admin's
 * browser beyond that one session.
 */
@Timeout(300)
class SessionOriginBrowserTest {
  @RegisterExtension static final RunningBackend backend = new RunningBackend();

  @TempDir static Path imageContext;

  private static Accounts accounts;
  private static SignedIn admin;
  private static SignedIn bob;
  private static SignedIn carol;

  /** Carol's session: a plain one, the victim of the attack. */
  private static LiveSession carols;

  /** Bob's session: its opencode replaced by his own page-serving code. */
  private static LiveSession bobs;

  @BeforeAll
  static void startSessions() throws Exception {
    ScriptPageImage.build(imageContext);
    accounts = new Accounts(backend);
    admin = accounts.register(Role.ADMIN);
    bob = accounts.register(Role.USER);
    carol = accounts.register(Role.USER);
    carols = LiveSession.create(accounts, carol.token());
    bobs = LiveSession.create(accounts, bob.token(), Map.of("image", ScriptPageImage.TAG));
    carols.awaitRunning();
    bobs.awaitRunning();
  }

  @AfterAll
  static void deleteSessions() throws IOException {
    if (bobs != null) {
      bobs.close();
    }
    if (carols != null) {
      carols.close();
    }
    ScriptPageImage.remove();
  }

  private static String api() {
    return "http://127.0.0.1:" + backend.server().port();
  }

  private static String origin(LiveSession session) {
    return "http://" + session.id() + ".localhost:" + backend.server().port();
  }

  private static String open(LiveSession session, String service) {
    return api() + "/api/sessions/" + session.id() + "/open?service=" + service;
  }

  private static HeadlessChromium signedInBrowser(Path profile, SignedIn user) throws Exception {
    HeadlessChromium chromium = new HeadlessChromium(profile);
    chromium.setCookie(CredentialCookies.API, user.token(), api() + "/", "Strict");
    return chromium;
  }

  @Test
  void opencodesWebUiRendersCreatesASessionAndFollowsItsEvents(@TempDir Path profile)
      throws Exception {
    try (HeadlessChromium chromium = signedInBrowser(profile, carol)) {
      chromium.navigate(open(carols, "opencode"));
      chromium.await(
          "location.origin === '" + origin(carols) + "' && " + button("Add project"), 60);
      chromium.evaluate(click(button("Add project")));
      chromium.await(buttonContaining("workspace"), 30);
      chromium.evaluate(click(buttonContaining("workspace")));
      chromium.await(button("New session"), 30);
      chromium.evaluate(click(button("New session")));
      chromium.await("document.querySelector('[aria-label=Prompt]')", 30);
      chromium.evaluate(
          "(() => { const prompt = document.querySelector('[aria-label=Prompt]'); prompt.focus();"
              + " document.execCommand('insertText', false, 'hello from the session origin');"
              + " })()");
      sendUntilASessionOpens(chromium);

      String created =
          chromium.evaluate("location.pathname.replace(/.*\\/session\\//, '')").strip();
      String title = "renamed-" + UUID.randomUUID();
      accounts
          .as(carol.token())
          .get()
          .uri("/sessions/{id}/opencode/session", carols.id())
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(list -> assertThat(list).contains(created));
      // A change made elsewhere reaches the open page through its event stream, no reload.
      chromium.evaluate("window.loadedOnce = true");
      accounts
          .as(carol.token())
          .patch()
          .uri("/sessions/{id}/opencode/session/{session}", carols.id(), created)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("title", title))
          .exchange()
          .expectStatus()
          .isOk();
      chromium.await("document.body.innerText.includes('" + title + "')", 30);
      assertThat(chromium.evaluate("String(window.loadedOnce)")).isEqualTo("true");
    }
  }

  /**
   * Clicks Send until the page moves to the new session: the UI enables sending only once it has
   * loaded the project, its agents and models, which takes a moment after the prompt appears.
   */
  private static void sendUntilASessionOpens(HeadlessChromium chromium) throws Exception {
    String opened = "/\\/session\\/ses_/.test(location.pathname)";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      chromium.evaluate("document.querySelector('[aria-label=Send]').click()");
      Thread.sleep(2000);
      if (chromium.evaluate("String(" + opened + ")").equals("true")) {
        return;
      }
    }
    throw new AssertionError("sending never opened a session: " + chromium.location());
  }

  @Test
  void ttydsPageWorksOnTheSessionOrigin(@TempDir Path profile) throws Exception {
    String marker = "origin-" + UUID.randomUUID();
    try (HeadlessChromium chromium = signedInBrowser(profile, carol)) {
      chromium.navigate(open(carols, "terminal"));
      chromium.await("location.href === '" + origin(carols) + "/terminal/' && window.term", 60);
      chromium.await(screenMatches("\\$"), 30);
      chromium.evaluate("window.term.focus()");
      chromium.type("echo " + marker);
      chromium.pressEnter();
      chromium.await(screenMatches("^" + marker + "\\s*$"), 30);
    }
  }

  @Test
  void aScriptPageInASessionCanNeitherTouchTheApiNorReachAnotherSession(@TempDir Path profile)
      throws Exception {
    int invitesBefore = inviteCount();
    putBobsPage();
    try (HeadlessChromium chromium = signedInBrowser(profile, admin)) {
      // The admin is signed in at both names of the API, and has opened Carol's session before.
      chromium.setCookie(CredentialCookies.API, admin.token(), localhostApi() + "/", "Strict");
      chromium.navigate(open(carols, "files"));
      chromium.await("location.origin === '" + origin(carols) + "'", 30);

      chromium.navigate(open(bobs, "opencode"));
      chromium.await("document.title === 'attack finished'", 90);
      Map<String, String> results =
          JsonMapper.builder()
              .build()
              .readValue(
                  chromium.evaluate("JSON.stringify(window.attack)"),
                  new TypeReference<LinkedHashMap<String, String>>() {});

      Map<String, Predicate<String>> expected = expectedOutcomes();
      assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      expected.forEach(
          (name, failed) ->
              assertThat(results.get(name)).as(name).matches(failed, "a failed attempt"));
    }
    assertThat(roleOf(bob)).isEqualTo("user");
    assertThat(inviteCount()).isEqualTo(invitesBefore);
    accounts
        .as(carol.token())
        .get()
        .uri("/sessions/{id}/files/tree", carols.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(tree -> assertThat(tree).doesNotContain("pwned"));
  }

  @Test
  void onThePathRouteTheSamePageRunsNoScriptAtAll(@TempDir Path profile) throws Exception {
    putBobsPage();
    try (HeadlessChromium chromium = signedInBrowser(profile, admin)) {
      chromium.navigate(api() + "/sessions/" + bobs.id() + "/opencode/");
      chromium.await(
          "document.readyState === 'complete' && document.body"
              + " && document.body.innerText.includes('Nothing to see here')",
          30);
      Thread.sleep(3000);
      assertThat(chromium.evaluate("typeof window.attack")).isEqualTo("undefined");
      assertThat(chromium.evaluate("document.title")).isEqualTo("a page from inside a session");
      assertThat(chromium.evaluate("self.origin")).isEqualTo("null");
    }
    assertThat(roleOf(bob)).isEqualTo("user");
  }

  /** How each of the page's attempts must end: in a refusal the page can see, or unseen. */
  private static Map<String, Predicate<String>> expectedOutcomes() {
    Map<String, Predicate<String>> expected = new LinkedHashMap<>();
    Predicate<String> corsBlocked = outcome -> outcome.equals("blocked: TypeError");
    Predicate<String> unseen = outcome -> outcome.equals("opaque");
    expected.put("this page's session answers it", outcome -> outcome.startsWith("read 200"));
    expected.put("same origin: GET /api/users", outcome -> outcome.startsWith("read 404"));
    expected.put("same origin: PATCH /api/users/bob", outcome -> outcome.startsWith("read 404"));
    for (String api : List.of(api(), localhostApi())) {
      expected.put(api + ": GET /api/users", corsBlocked);
      expected.put(api + ": PATCH /api/users/bob", corsBlocked);
      expected.put(api + ": no-cors POST /api/invite-codes", unseen);
      expected.put(api + ": sendBeacon /api/invite-codes", outcome -> outcome.startsWith("queued"));
      expected.put(api + ": GET the victim's files on the path route", corsBlocked);
      expected.put(api + ": no-cors upload into the victim's session on the path route", unseen);
      expected.put(
          api + ": WebSocket to the victim's terminal on the path route", "refused"::equals);
    }
    expected.put("victim origin: GET /files/tree", corsBlocked);
    expected.put("victim origin: no-cors upload", unseen);
    expected.put("victim origin: WebSocket to its terminal", "refused"::equals);
    expected.put("victim origin: read the framed page", "no access"::equals);
    expected.put(
        "victim origin: the frame's address", outcome -> outcome.equals("blocked: SecurityError"));
    expected.put("cookies readable by script", "[]"::equals);
    return expected;
  }

  /** Bob writes his page into his workspace through his own file server, as any user can. */
  private static void putBobsPage() throws IOException {
    String page;
    try (InputStream template =
        SessionOriginBrowserTest.class.getResourceAsStream("script-page.html")) {
      page = new String(template.readAllBytes(), StandardCharsets.UTF_8);
    }
    page =
        page.replace("API_ORIGINS", "[\"" + api() + "\", \"" + localhostApi() + "\"]")
            .replace("BOB_ID", bob.user().id().toString())
            .replace("VICTIM_SESSION", carols.id())
            .replace("VICTIM_ORIGIN", origin(carols));
    accounts
        .as(bob.token())
        .put()
        .uri("/sessions/{id}/files/file?path=page.html", bobs.id())
        .bodyValue(page)
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
  }

  private static String localhostApi() {
    return "http://localhost:" + backend.server().port();
  }

  private static String roleOf(SignedIn user) {
    return accounts
        .database()
        .jdbc()
        .sql("SELECT role FROM users WHERE id = :id")
        .param("id", user.user().id().toString())
        .query(String.class)
        .single();
  }

  private static int inviteCount() {
    return accounts
        .database()
        .jdbc()
        .sql("SELECT COUNT(*) FROM invite_codes")
        .query(Integer.class)
        .single();
  }

  private static String button(String text) {
    return "[...document.querySelectorAll('button')].find(b => b.innerText.trim() === '"
        + text
        + "')";
  }

  private static String buttonContaining(String text) {
    return "[...document.querySelectorAll('button')].find(b => b.innerText.includes('"
        + text
        + "'))";
  }

  private static String click(String element) {
    return element + ".click()";
  }

  /** True once a line of xterm.js's buffer in ttyd's page matches {@code pattern}. */
  private static String screenMatches(String pattern) {
    return "(() => { const b = window.term.buffer.active; const lines = [];"
        + " for (let i = 0; i < b.length; i++) { lines.push(b.getLine(i).translateToString(true)); }"
        + " return new RegExp("
        + JsonMapper.builder().build().writeValueAsString(pattern)
        + ", 'm').test(lines.join('\\n')); })()";
  }
}
