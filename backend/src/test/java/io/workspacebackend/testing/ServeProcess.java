package io.workspacebackend.testing;

import io.workspacebackend.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real {@code workspace-backend} command in a child JVM, with a temporary home. */
public final class ServeProcess implements AutoCloseable {
  private final Process process;
  private final CompletableFuture<String> listeningLine = new CompletableFuture<>();
  private final StringBuilder stdout = new StringBuilder();

  private ServeProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readStdout, "serve-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static ServeProcess start(TestHome home, Path stderr, String... args) throws IOException {
    return start(home, stderr, List.of(), args);
  }

  /** Starts the command in a JVM given {@code jvmOptions} besides the usual ones. */
  public static ServeProcess start(
      TestHome home, Path stderr, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // As the jar's manifest does: sqlite-jdbc's native library without JDK 24+ warnings.
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("WORKSPACE_BACKEND__"));
    // The session image lives on Docker; "auto" would prefer Podman on Linux. A test may choose.
    builder.environment().put("WORKSPACE_BACKEND__CONTAINER__RUNTIME", "docker");
    builder.environment().putAll(home.environment());
    return new ServeProcess(builder.start());
  }

  private void readStdout() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (stdout) {
          stdout.append(line).append('\n');
        }
        if (line.contains("listening on ")) {
          listeningLine.complete(line);
        }
      }
    } catch (IOException e) {
      listeningLine.completeExceptionally(e);
    }
    listeningLine.completeExceptionally(new IllegalStateException("serve ended: " + stdout()));
  }

  /** Waits for the "listening on" line and returns it. */
  public String awaitListening() throws Exception {
    return listeningLine.get(60, TimeUnit.SECONDS);
  }

  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("serve did not exit");
    }
    return process.exitValue();
  }

  public String stdout() {
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
