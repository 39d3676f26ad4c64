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

/** Builds the real session image from this checkout on the real Docker engine. */
@Timeout(1800)
class ImageBuilderTest {
  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

  private static final URI DOCKER = URI.create("unix:///var/run/docker.sock");
  private final DockerClient client = DockerClients.forRequests(DOCKER);
  private final String tag =
      "workspace-backend-test/session:" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeTag() throws Exception {
    client.removeImageCmd(tag).withForce(false).withNoPrune(true).exec();
    client.close();
  }

  private ImageBuilder.Result build(ImageSources sources, StringWriter output) throws Exception {
    try (ImageBuilder builder = new ImageBuilder(DOCKER, new PrintWriter(output))) {
      return builder.build(sources, tag, false);
    }
  }

  @Test
  void aBuildPrintsItsStepsAndASecondBuildOfTheSameSourcesIsReused() throws Exception {
    StringWriter firstOutput = new StringWriter();
    StringWriter secondOutput = new StringWriter();
    ImageSources sources = new ImageSources(CHECKOUT);

    ImageBuilder.Result first = build(sources, firstOutput);
    ImageBuilder.Result second = build(sources, secondOutput);

    assertThat(first.reused()).isFalse();
    assertThat(firstOutput.toString()).contains("Step 1/").contains("Successfully tagged " + tag);
    assertThat(second.reused()).isTrue();
    assertThat(second.imageId()).isEqualTo(first.imageId());
    assertThat(secondOutput.toString()).contains(tag + " is up to date");
    InspectImageResponse image = client.inspectImageCmd(tag).exec();
    assertThat(image.getConfig().getLabels())
        .containsEntry(ImageBuilder.HASH_LABEL, sources.contentHash());
    assertThat(image.getConfig().getUser()).isEqualTo("dev");
  }
}
