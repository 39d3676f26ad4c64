package io.workspacebackend.image;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hands the build stages this machine's locally added CA certificates, so Maven and npm inside the
 * build trust a TLS-inspecting proxy the machine itself trusts. The copies are git-ignored.
 */
final class LocalCertificates {
  private static final Path LOCAL_CA_DIRECTORY = Path.of("/usr/local/share/ca-certificates");

  private LocalCertificates() {}

  static void copyInto(Path extraCaDirectory, PrintWriter progress) throws ImageBuildException {
    if (!Files.isDirectory(LOCAL_CA_DIRECTORY)) {
      return;
    }
    int copied = 0;
    try (DirectoryStream<Path> certificates =
        Files.newDirectoryStream(LOCAL_CA_DIRECTORY, "*.crt")) {
      Files.createDirectories(extraCaDirectory);
      for (Path certificate : certificates) {
        Files.copy(
            certificate,
            extraCaDirectory.resolve(certificate.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
        copied++;
      }
    } catch (IOException e) {
      throw new ImageBuildException("cannot copy local CA certificates: " + e.getMessage(), e);
    }
    if (copied > 0) {
      progress.println(
          "image: the build stages will trust this machine's "
              + copied
              + " local CA certificate(s)");
      progress.flush();
    }
  }
}
