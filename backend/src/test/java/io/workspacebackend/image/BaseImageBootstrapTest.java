package io.workspacebackend.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.workspacebackend.container.BusyboxImage;
import io.workspacebackend.container.DockerClients;
import io.workspacebackend.sessionimage.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where nothing can be pulled (as here), the base image is made from Debian packages and lands on
 * exactly the name the Dockerfile asks for, on Docker and on Podman, whose pull answer and import
 * differ from Docker's.
 */
@Timeout(900)
class BaseImageBootstrapTest {
  private final String repository =
      "workspace-backend-test/sid-base-" + UUID.randomUUID().toString().substring(0, 8);
  private final String image = repository + ":sid-slim";
  private final List<String> made = new ArrayList<>();
  private DockerClient client;

  @AfterEach
  void removeImages() throws Exception {
    for (String name : made) {
      try {
        client.removeImageCmd(name).withForce(true).exec();
      } catch (NotFoundException e) {
        // Never made: the test failed before.
      }
    }
    client.close();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aMissingBaseImageIsBootstrappedOnExactlyItsNameAndLeavesOtherTagsAlone(Engine engine)
      throws Exception {
    client = engine.client();
    URI socket = engine.socket();
    // A user's own image on the same repository's "latest": Podman's import would take that tag.
    String usersLatest = repository + ":latest";
    BusyboxImage.ensure(client, Path.of(socket.getPath()));
    client.tagImageCmd(BusyboxImage.NAME, repository, "latest").exec();
    made.add(usersLatest);
    made.add(image);
    String usersImageId = client.inspectImageCmd(usersLatest).exec().getId();
    StringWriter output = new StringWriter();

    try (RootfsImport rootfsImport = new RootfsImport(DockerClients.http(socket))) {
      new BaseImageBootstrap(client, rootfsImport, new PrintWriter(output), Path.of("/etc/apt"))
          .ensurePresent(image);
    }

    InspectImageResponse imported = client.inspectImageCmd(image).exec();
    assertThat(imported.getOs()).isEqualTo("linux");
    assertThat(imported.getSize()).isGreaterThan(50L * 1024 * 1024);
    assertThat(client.inspectImageCmd(usersLatest).exec().getId())
        .as("the user's own %s is untouched", usersLatest)
        .isEqualTo(usersImageId);
    assertThat(output.toString())
        .contains("trying to pull it")
        .contains("bootstrapping it from Debian packages")
        .contains("imported " + image)
        .doesNotContain("Exception");
  }
}
