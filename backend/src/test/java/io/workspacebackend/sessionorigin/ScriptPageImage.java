package io.workspacebackend.sessionorigin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.DockerClients;
import io.workspacebackend.testing.SessionImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A session image whose user replaced opencode with their own code ({@link ScriptPageService}): the
 * real session image with its {@code opencode} command swapped for a script that runs that class on
 * the image's own Java runtime. Built on the test engine from a three-file context.
 */
final class ScriptPageImage {
  static final String TAG = "workspace-backend-test/script-page-session:1";
  private static final String CLASS_DIR = "io/workspacebackend/sessionorigin/";

  private ScriptPageImage() {}

  static void build(Path context) throws IOException {
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + SessionImage.TAG
            + "\n"
            + "COPY opencode /usr/local/bin/opencode\n"
            + "COPY ScriptPageService.class /opt/script-page/"
            + CLASS_DIR
            + "\n");
    Path command = context.resolve("opencode");
    Files.writeString(
        command,
        "#!/bin/sh\n"
            + "exec /opt/fileserver/runtime/bin/java -cp /opt/script-page "
            + ScriptPageService.class.getName()
            + "\n");
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (InputStream compiled =
        ScriptPageService.class.getResourceAsStream("ScriptPageService.class")) {
      Files.copy(compiled, context.resolve("ScriptPageService.class"));
    }
    try (DockerClient client = DockerClients.forRequests(SessionImage.DOCKER)) {
      client
          .buildImageCmd()
          .withBaseDirectory(context.toFile())
          .withDockerfile(context.resolve("Dockerfile").toFile())
          .withTags(Set.of(TAG))
          .withPull(false)
          .withRemove(true)
          .exec(new BuildImageResultCallback())
          .awaitImageId();
    }
  }

  static void remove() throws IOException {
    try (DockerClient client = DockerClients.forRequests(SessionImage.DOCKER)) {
      client.removeImageCmd(TAG).withForce(true).exec();
    } catch (NotFoundException alreadyGone) {
      // Nothing to clean up.
    }
  }
}
