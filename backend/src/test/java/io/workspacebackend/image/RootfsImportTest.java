package io.workspacebackend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The imported image's id, read from each engine's answer (recorded from Docker 20.10, Podman 4.3).
 */
class RootfsImportTest {
  private static final String ID =
      "sha256:99dec20c90fc03f87ed0def9c02c477528fb24f447dd8bfa99a0e5f355dac120";

  @Test
  void dockersAnswerNamesTheIdInItsStatus() throws Exception {
    assertThat(RootfsImport.importedId("{\"status\":\"" + ID + "\"}\r\n")).isEqualTo(ID);
  }

  @Test
  void podmansAnswerNamesItInStatusAndId() throws Exception {
    String answer =
        "{\"status\":\""
            + ID
            + "\",\"progress\":\"\",\"progressDetail\":{},\"id\":\""
            + ID
            + "\"}\n";
    assertThat(RootfsImport.importedId(answer)).isEqualTo(ID);
  }

  @Test
  void anAnswerWithoutAnIdIsAnError() {
    assertThatThrownBy(() -> RootfsImport.importedId("{\"status\":\"Importing\"}"))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("named no image id");
  }
}
