package io.workspacebackend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {
  @TempDir Path checkout;

  @BeforeEach
  void aMinimalCheckout() throws Exception {
    Files.createDirectories(checkout.resolve("container/src/main/java"));
    Files.writeString(
        checkout.resolve("container/Dockerfile"),
        "ARG BASE_IMAGE=debian:sid-slim\nFROM ${BASE_IMAGE}\n");
    Files.writeString(checkout.resolve("container/src/main/java/A.java"), "class A {}");
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
  }

  @Test
  void theBaseImageComesFromTheDockerfilesArg() throws Exception {
    assertThat(new ImageSources(checkout).baseImage()).isEqualTo("debian:sid-slim");
  }

  @Test
  void theHashIsStableAndChangesWithAnyInput() throws Exception {
    ImageSources sources = new ImageSources(checkout);
    String before = sources.contentHash();

    assertThat(sources.contentHash()).isEqualTo(before).hasSize(32);
    Files.writeString(checkout.resolve("container/src/main/java/A.java"), "class A { int x; }");
    assertThat(sources.contentHash()).isNotEqualTo(before);
  }

  @Test
  void buildOutputDoesNotChangeTheHash() throws Exception {
    ImageSources sources = new ImageSources(checkout);
    String before = sources.contentHash();

    Files.createDirectories(checkout.resolve("backend/target"));
    Files.writeString(checkout.resolve("backend/target/x.jar"), "binary");

    assertThat(sources.contentHash()).isEqualTo(before);
  }

  @Test
  void locateFindsTheInstallationWhenTheWorkingDirectoryIsNoCheckout(@TempDir Path elsewhere)
      throws Exception {
    assertThat(ImageSources.locate(null, elsewhere, checkout).root()).isEqualTo(checkout);
  }

  @Test
  void locateWithoutACheckoutSaysWhereItLooked(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> ImageSources.locate(null, elsewhere, null))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining(elsewhere.toString())
        .hasMessageEndingWith("run this in a source checkout or pass --source DIR");
  }
}
