package io.workspacebackend.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A two-megabyte test image built without a registry: Debian's static busybox, its applets as
 * symlinks and a world-writable /tmp, imported into the engine as {@link #NAME}.
 */
public final class BusyboxImage {
  static final String REPOSITORY = "workspace-backend-test/busybox";
  public static final String NAME = REPOSITORY + ":1";
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final List<String> APPLETS =
      List.of(
          "sh", "sleep", "cat", "echo", "printf", "nc", "httpd", "head", "tr", "grep", "mkdir",
          "wget", "kill", "true");

  private BusyboxImage() {}

  /** Imports the image unless the engine has it; fails with the fix if busybox is missing. */
  public static void ensure(DockerClient client, Path socket) throws IOException {
    try {
      client.inspectImageCmd(NAME).exec();
      return;
    } catch (NotFoundException absent) {
      // Import it below.
    }
    importTar(socket, rootfs());
    client.inspectImageCmd(NAME).exec();
  }

  /**
   * {@code POST /images/create?fromSrc=-} with the tar as a sized body. docker-java's {@code
   * createImageCmd} sends the stream in a way both engines cut short ("unexpected EOF"), while the
   * same tar posted with a Content-Length imports fine. The tag goes into {@code repo}: Podman
   * ignores the {@code tag} parameter and would name the image {@code latest}.
   */
  private static void importTar(Path socket, byte[] tar) throws IOException {
    String head =
        "POST /v"
            + DockerClients.API_VERSION
            + "/images/create?fromSrc=-&repo="
            + NAME
            + " HTTP/1.0\r\nHost: engine\r\nContent-Type: application/x-tar\r\n"
            + "Content-Length: "
            + tar.length
            + "\r\n\r\n";
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer body = ByteBuffer.wrap(tar);
      while (body.hasRemaining()) {
        channel.write(body);
      }
      String answer =
          new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
      if (!answer.startsWith("HTTP/1.1 200") && !answer.startsWith("HTTP/1.0 200")) {
        throw new IOException("importing " + NAME + " failed: " + answer);
      }
    }
  }

  static void remove(DockerClient client) {
    try {
      client.removeImageCmd(NAME).withForce(true).exec();
    } catch (NotFoundException alreadyGone) {
      // Nothing to clean up.
    }
  }

  private static byte[] rootfs() throws IOException {
    if (!Files.isRegularFile(BUSYBOX)) {
      throw new IOException(
          BUSYBOX + " is missing; install it with `apt-get install -y busybox-static`");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      directory(tar, "bin/", 0755);
      directory(tar, "tmp/", 01777);
      TarArchiveEntry busybox = new TarArchiveEntry("bin/busybox");
      busybox.setMode(0755);
      busybox.setSize(Files.size(BUSYBOX));
      tar.putArchiveEntry(busybox);
      Files.copy(BUSYBOX, tar);
      tar.closeArchiveEntry();
      for (String applet : APPLETS) {
        TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("busybox");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(040000 | mode);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }
}
