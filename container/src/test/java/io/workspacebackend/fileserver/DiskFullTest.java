package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace whose disk is full, for real: a 1 MiB tmpfs with room for 64 files mounted as the
 * workspace (root only, as CI runs). Writes answer 507 with a problem that says so, and the file a
 * write was to replace keeps its content.
 */
@Timeout(60)
class DiskFullTest {
  @TempDir Path temp;
  private Path workspace;
  private FileServer server;
  private FileServerClient client;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "mounting a small file system needs root (CI runs as root)");
    workspace = Files.createDirectory(temp.resolve("workspace"));
    run("mount", "-t", "tmpfs", "-o", "size=1m,nr_inodes=64", "tmpfs", workspace.toString());
    server =
        FileServer.start(
            new FileServerSettings(
                "127.0.0.1", 0, workspace, FileServerClient.SECRET, Optional.empty()));
    client = new FileServerClient(server.port());
  }

  @AfterEach
  void unmount() throws Exception {
    if (server != null) {
      server.close();
    }
    if (workspace != null) {
      run("umount", workspace.toString());
    }
  }

  @Test
  void aWriteThatDoesNotFitIs507AndTheFileItWasToReplaceIsIntact() throws Exception {
    assertThat(client.put("/file?path=notes.txt", "kept").statusCode()).isEqualTo(201);
    fillTheDisk();

    var response = client.put("/file?path=notes.txt", "x".repeat(32 * 1024));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(507);
    assertThat(client.problem(response).detail()).contains("disk is full");
    assertThat(Files.readString(workspace.resolve("notes.txt"))).isEqualTo("kept");
    try (var files = Files.list(workspace)) {
      assertThat(files.map(file -> file.getFileName().toString()).toList())
          .as("no partial file is left behind")
          .containsExactlyInAnyOrder("notes.txt", "filler");
    }
  }

  @Test
  void makingADirectoryOnAFullDiskIs507() throws Exception {
    // Directories take inodes, not blocks: make them until the 64 inodes are gone.
    for (int i = 0; i < 64; i++) {
      var response = client.post("/mkdir?path=d" + i);
      if (response.statusCode() != 201) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(507);
        assertThat(client.problem(response).detail()).contains("No space left on device");
        return;
      }
    }
    throw new AssertionError("64 directories fit on a file system with room for 64 inodes");
  }

  /** Writes a file, outside the server, until the disk has no block left. */
  private void fillTheDisk() throws IOException {
    try (var out = Files.newOutputStream(workspace.resolve("filler"))) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }
}
