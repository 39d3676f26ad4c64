package io.workspacebackend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a session's opencode busy for as long as a test wants, without internet: {@link FakeModel}
 * runs inside the session's container, opencode uses it as its model ({@link #sessionEnv()} at
 * session creation), and prompts go through the backend's proxy with the owner's bearer token.
 *
 * <pre>
 * Session s = owner.create(new CreateSessionRequest("busy", null, null, BusyAgent.sessionEnv()));
 * BusyAgent agent = BusyAgent.start("docker", owner.await(s.id(), RUNNING, ...), ownerClient, turn);
 * String conversation = agent.prompt("work");
 * agent.awaitBusy(conversation, timeout);   // opencode's GET /session/status says busy
 * agent.awaitIdle(conversation, timeout);   // ... and idle once the fake model has finished
 * </pre>
 *
 * <p>What opencode 1.18.34 reports: {@code GET /session/status} maps each conversation that is not
 * idle to {@code {"type":"busy"}} or {@code {"type":"retry","attempt":1,"message":"…","next":<epoch
 * ms>}} (while it waits to retry a failed model call), and is {@code {}} when all are idle. {@code
 * GET /event} sends {@code {"id":"evt_…","type":"session.status","properties":{"sessionID":"ses_…",
 * "status":{"type":"busy"}}}} as a turn starts (and again during it: three times for one streamed
 * answer here), the same with {@code "idle"} at its end, then {@code
 * {"type":"session.idle","properties":{"sessionID":"ses_…"}}}; {@code GET /global/event} wraps each
 * as {@code {"directory":"/home/dev/workspace","project":"global","payload":{…}}}.
 */
public final class BusyAgent {
  /** Where the fake model listens inside the container (on 127.0.0.1: the container's own). */
  public static final int MODEL_PORT = 41830;

  /** The model opencode is configured with, as {@code provider/model}. */
  public static final String MODEL = "fake/" + FakeModel.MODEL_ID;

  /** The image's Java runtime (the file server's): java.base is all the fake model needs. */
  private static final String JAVA = "/opt/fileserver/runtime/bin/java";

  private static final String MOUNT = "/home/dev/workspace";
  private static final String DIRECTORY = ".fake-model";
  private static final Duration TICK = Duration.ofMillis(200);
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private final String engine;
  private final String containerId;
  private final Path directory;
  private final WebTestClient owner;
  private final UUID sessionId;

  private BusyAgent(
      String engine, String containerId, Path directory, WebTestClient owner, UUID sessionId) {
    this.engine = engine;
    this.containerId = containerId;
    this.directory = directory;
    this.owner = owner;
    this.sessionId = sessionId;
  }

  /**
   * opencode's configuration for the fake model, to pass as {@code OPENCODE_CONFIG_CONTENT}: a
   * provider through the bundled {@code @ai-sdk/openai-compatible} package, made the default and
   * the small model too (so title generation needs no other provider either).
   */
  public static String openCodeConfig() {
    return """
        {"$schema":"https://opencode.ai/config.json",\
        "model":"%1$s","small_model":"%1$s",\
        "provider":{"fake":{"npm":"@ai-sdk/openai-compatible","name":"Fake model",\
        "options":{"baseURL":"http://127.0.0.1:%2$d/v1","apiKey":"fake"},\
        "models":{"%3$s":{"name":"Slow fake model"}}}}}"""
        .formatted(MODEL, MODEL_PORT, FakeModel.MODEL_ID);
  }

  /** The env of {@code POST /api/sessions} for a session whose opencode uses the fake model. */
  public static Map<String, String> sessionEnv() {
    return Map.of("OPENCODE_CONFIG_CONTENT", openCodeConfig());
  }

  /**
   * Starts the fake model in {@code session}'s container (which must be running and made with
   * {@link #sessionEnv()}), each turn lasting {@code turn}, and returns once it listens. {@code
   * owner} must send the session owner's bearer token ({@code Accounts.as(token)}).
   */
  public static BusyAgent start(
      String engine, Session session, WebTestClient owner, Duration turn) {
    Path workspace = Path.of(session.workspacePath());
    startFakeModel(engine, session.containerId(), workspace, turn);
    return new BusyAgent(
        engine, session.containerId(), workspace.resolve(DIRECTORY), owner, session.id());
  }

  /**
   * Copies the fake model's classes into {@code workspace} (the host side of the container's
   * workspace mount), runs it in the container with {@code engine exec} ({@code "docker"} or {@code
   * "podman"}), and waits until it listens; fails with its output if it stops first.
   */
  public static void startFakeModel(
      String engine, String containerId, Path workspace, Duration turn) {
    Path directory = workspace.resolve(DIRECTORY);
    try {
      install(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put the fake model into " + directory, e);
    }
    String inside = MOUNT + "/" + DIRECTORY;
    // The shell notes the JVM's end, so a start that fails is seen at once, not at the timeout.
    String script =
        String.format(
            "%s -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp %s/classes %s %d %d %d"
                + " %s/ready >>%s/log 2>&1; echo \"fake model exited with status $?\" >>%s/log",
            JAVA,
            inside,
            FakeModel.class.getName(),
            MODEL_PORT,
            turn.toMillis(),
            TICK.toMillis(),
            inside,
            inside,
            inside);
    run(List.of(engine, "exec", "--detach", containerId, "sh", "-c", script));
    Awaitility.await("the fake model listening in " + containerId)
        .atMost(START)
        .pollInterval(POLL)
        .until(
            () -> {
              String log = read(directory.resolve("log"));
              if (log.contains("fake model exited")) {
                throw new AssertionError("the fake model did not start:\n" + log);
              }
              return Files.exists(directory.resolve("ready"));
            });
  }

  /** The fake model's class files, in a directory the container's user may write in too. */
  private static void install(Path directory) throws IOException {
    Path classes = directory.resolve("classes");
    Files.createDirectories(directory);
    // The container's user is not the host's (uid 1000, or a mapped one under rootless Podman).
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
    // A fresh start in a workspace that had one: its readiness and its end are not this one's.
    Files.deleteIfExists(directory.resolve("ready"));
    Files.deleteIfExists(directory.resolve("log"));
    List<Class<?>> types = new ArrayList<>(List.of(FakeModel.class));
    types.addAll(List.of(FakeModel.class.getDeclaredClasses()));
    for (Class<?> type : types) {
      String file = type.getName().replace('.', '/') + ".class";
      Path target = classes.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = FakeModel.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          throw new IOException(file + " is not on the test class path");
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Ends every turn the fake model is streaming now (each finishes normally). */
  public void release() {
    model("POST", "/fake/release");
  }

  /** How many answers the fake model is streaming now. */
  public int streaming() {
    return json(model("GET", "/fake/streams")).path("streaming").asInt();
  }

  /** A request to the fake model, made inside the container, where it listens. */
  private String model(String method, String path) {
    return run(
        List.of(
            engine,
            "exec",
            containerId,
            "curl",
            "-fsS",
            "-X",
            method,
            "http://127.0.0.1:" + MODEL_PORT + path));
  }

  /** What the fake model logged: one line per request, and when each stream ended. */
  public String log() {
    return read(directory.resolve("log"));
  }

  /**
   * Starts a new opencode conversation (an opencode session) and sends it {@code text} without
   * waiting for the answer ({@code prompt_async}); returns the conversation's opencode id. Text
   * containing {@code fake-model:duration=N} makes this turn last N ms.
   */
  public String prompt(String text) {
    String conversation = json(post("session", "{}")).path("id").asString();
    String prompt =
        JsonMapper.shared()
            .writeValueAsString(
                Map.of(
                    "model",
                    Map.of("providerID", "fake", "modelID", FakeModel.MODEL_ID),
                    "parts",
                    List.of(Map.of("type", "text", "text", text))));
    owner
        .post()
        .uri(opencode("session/" + conversation + "/prompt_async"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(prompt)
        .exchange()
        .expectStatus()
        .isNoContent();
    return conversation;
  }

  /**
   * opencode's {@code GET /session/status}: each conversation that is not idle, with its status
   * ({@code {"ses_…":{"type":"busy"}}}, or {@code "retry"} with attempt, message and next); {@code
   * {}} when all are idle.
   */
  public JsonNode statuses() {
    return json(
        owner
            .get()
            .uri(opencode("session/status"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
  }

  /** The conversation's status type as {@code /session/status} reports it ("idle" when absent). */
  public String status(String conversation) {
    return Optional.ofNullable(statuses().get(conversation))
        .map(status -> status.path("type").asString())
        .orElse("idle");
  }

  /** Waits until opencode reports the conversation busy. */
  public void awaitBusy(String conversation, Duration timeout) {
    awaitStatus(conversation, "busy", timeout);
  }

  /** Waits until opencode reports the conversation idle (absent from {@code /session/status}). */
  public void awaitIdle(String conversation, Duration timeout) {
    awaitStatus(conversation, "idle", timeout);
  }

  private void awaitStatus(String conversation, String wanted, Duration timeout) {
    Awaitility.await("conversation " + conversation + " " + wanted)
        .atMost(timeout)
        .pollInterval(POLL)
        .until(() -> status(conversation).equals(wanted));
  }

  /** The conversation's messages, as opencode's {@code GET /session/{id}/message} returns them. */
  public JsonNode messages(String conversation) {
    return json(
        owner
            .get()
            .uri(opencode("session/" + conversation + "/message"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
  }

  /** The path of {@code path} on opencode through the backend's proxy. */
  public String opencode(String path) {
    return "/sessions/" + sessionId + "/opencode/" + path;
  }

  private String post(String path, String body) {
    return owner
        .post()
        .uri(opencode(path))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs an engine command line, which must succeed within a minute; returns its output. */
  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
      assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
