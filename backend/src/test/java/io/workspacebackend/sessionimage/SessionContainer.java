package io.workspacebackend.sessionimage;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A container of the session image, started the way the container contract says: the workspace
 * mounted, the four variables set, ports published on 127.0.0.1 only, no capabilities, no new
 * privileges, memory, pid and file limits.
 */
final class SessionContainer implements AutoCloseable {

  /** The three services and the credential each expects. */
  enum Service {
    OPENCODE(41820, "/global/health"),
    FILESERVER(41821, "/tree?depth=0"),
    TTYD(41822, "/");

    final int port;
    final String probePath;

    Service(int port, String probePath) {
      this.port = port;
      this.probePath = probePath;
    }

    String authorization(String secret) {
      return switch (this) {
        case OPENCODE -> basic("opencode", secret);
        case FILESERVER -> "Bearer " + secret;
        case TTYD -> basic("dev", secret);
      };
    }

    private static String basic(String user, String password) {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final DockerClient client;
  private final String id;
  private final String secret;
  private final Map<Service, Integer> hostPorts;

  /** HTTP/1.1 only: ttyd never answers a request that offers an upgrade to h2c. */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private SessionContainer(
      DockerClient client, String id, String secret, Map<Service, Integer> hostPorts) {
    this.client = client;
    this.id = id;
    this.secret = secret;
    this.hostPorts = hostPorts;
  }

  /** Starts a session container; {@code secret} null leaves SESSION_SECRET unset. */
  static SessionContainer start(DockerClient client, Path workspace, String secret)
      throws IOException {
    // The workspace belongs to the container's user, uid 1000, as the backend will arrange.
    Files.setPosixFilePermissions(
        workspace, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setAttribute(workspace, "unix:uid", 1000);
    Files.setAttribute(workspace, "unix:gid", 1000);
    var ports = new Ports();
    var exposed = new ArrayList<ExposedPort>();
    for (var service : Service.values()) {
      var port = ExposedPort.tcp(service.port);
      exposed.add(port);
      ports.bind(port, Ports.Binding.bindIp("127.0.0.1"));
    }
    var env =
        new ArrayList<>(List.of("OPENCODE_PORT=41820", "FILESERVER_PORT=41821", "TTYD_PORT=41822"));
    if (secret != null) {
      env.add("SESSION_SECRET=" + secret);
    }
    var host =
        HostConfig.newHostConfig()
            .withPortBindings(ports)
            .withBinds(new Bind(workspace.toString(), new Volume("/home/dev/workspace")))
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withMemory(2L * 1024 * 1024 * 1024)
            .withPidsLimit(512L)
            .withUlimits(
                List.of(new Ulimit("nofile", 4096L, 4096L), new Ulimit("nproc", 4096L, 4096L)));
    var sessionId = UUID.randomUUID().toString();
    var id =
        client
            .createContainerCmd(SessionImage.TAG)
            .withName("workspace-backend-test-" + sessionId)
            .withEnv(env)
            .withExposedPorts(exposed)
            .withLabels(
                Map.of(
                    "io.workspace-backend.session",
                    sessionId,
                    "io.workspace-backend.owner",
                    "image-test"))
            .withHostConfig(host)
            .exec()
            .getId();
    client.startContainerCmd(id).exec();
    var bindings =
        client.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings();
    var hostPorts = new EnumMap<Service, Integer>(Service.class);
    for (var service : Service.values()) {
      var binding = bindings.get(ExposedPort.tcp(service.port));
      if (binding != null && binding.length > 0) {
        hostPorts.put(service, Integer.parseInt(binding[0].getHostPortSpec()));
      }
    }
    return new SessionContainer(client, id, secret, hostPorts);
  }

  String id() {
    return id;
  }

  /** A GET of the service's probe path, with the session's credential or without one. */
  HttpResponse<String> get(Service service, String path, boolean withCredential)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPorts.get(service) + path))
            .timeout(Duration.ofSeconds(5));
    if (withCredential) {
      request.header("Authorization", service.authorization(secret));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until every service answers 200 to its probe with the credential. Fails at once when the
   * container stops, and on timeout names the services that did not answer and where.
   */
  void awaitServices(Duration timeout) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    var waiting = new ArrayList<>(List.of(Service.values()));
    while (!waiting.isEmpty()) {
      if (!running()) {
        throw new AssertionError("the container stopped while starting:\n" + logs());
      }
      waiting.removeIf(this::answers);
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not answering after "
                + timeout
                + ": "
                + waiting
                + " on 127.0.0.1 ports "
                + hostPorts
                + "\n"
                + logs());
      }
      Thread.sleep(200);
    }
  }

  private boolean answers(Service service) {
    try {
      return get(service, service.probePath, true).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean running() {
    return Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning());
  }

  /** Runs a command inside the container and returns what it printed. */
  String exec(String... command) throws InterruptedException {
    var exec =
        client
            .execCreateCmd(id)
            .withCmd(command)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec();
    var output = new Output();
    client.execStartCmd(exec.getId()).exec(output).awaitCompletion(30, TimeUnit.SECONDS);
    return output.text();
  }

  /** Waits for the container to exit and returns its exit code. */
  int awaitExit(Duration timeout) {
    return client
        .waitContainerCmd(id)
        .exec(new WaitContainerResultCallback())
        .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the container as {@code docker stop} does, giving it {@code grace} before SIGKILL. */
  void stop(Duration grace) {
    client.stopContainerCmd(id).withTimeout((int) grace.toSeconds()).exec();
  }

  int exitCode() {
    return client.inspectContainerCmd(id).exec().getState().getExitCodeLong().intValue();
  }

  String logs() throws InterruptedException {
    var output = new Output();
    client
        .logContainerCmd(id)
        .withStdOut(true)
        .withStdErr(true)
        .withTailAll()
        .exec(output)
        .awaitCompletion(30, TimeUnit.SECONDS);
    return output.text();
  }

  @Override
  public void close() {
    try {
      client.removeContainerCmd(id).withForce(true).exec();
    } catch (NotFoundException alreadyGone) {
      // nothing to clean up
    }
  }

  private static final class Output extends ResultCallback.Adapter<Frame> {
    // Frames arrive on docker-java's thread; the test reads after completion.
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void onNext(Frame frame) {
      text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
    }

    synchronized String text() {
      return text.toString();
    }
  }
}
