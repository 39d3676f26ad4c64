package io.workspacebackend.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.workspacebackend.container.DockerClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where nothing can be pulled (as here), the base image is made from Debian packages. */
@Timeout(900)
class BaseImageBootstrapTest {
  private static final URI DOCKER = URI.create("unix:///var/run/docker.sock");
  private final DockerClient client = DockerClients.forRequests(DOCKER);
  private final String image =
      "workspace-backend-test/sid-base:" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeImage() throws Exception {
    client.removeImageCmd(image).exec();
    client.close();
  }

  @Test
  void aMissingBaseImageThatCannotBePulledIsBootstrappedAndSaysSo() throws Exception {
    StringWriter output = new StringWriter();

    try (RootfsImport rootfsImport = new RootfsImport(DockerClients.http(DOCKER))) {
      new BaseImageBootstrap(client, rootfsImport, new PrintWriter(output), Path.of("/etc/apt"))
          .ensurePresent(image);
    }

    InspectImageResponse imported = client.inspectImageCmd(image).exec();
    assertThat(imported.getOs()).isEqualTo("linux");
    assertThat(imported.getSize()).isGreaterThan(50L * 1024 * 1024);
    assertThat(output.toString())
        .contains("trying to pull it")
        .contains("bootstrapping it from Debian packages")
        .contains("imported " + image);
  }
}
