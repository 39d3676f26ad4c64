package io.workspacebackend.model.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FileEntryJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aFileIsWrittenWithLowerCaseTypeAnRfc3339TimestampAndNoChildren() {
    var entry =
        new FileEntry(
            "a.txt", "docs/a.txt", EntryType.FILE, 12, Instant.parse("2025-05-20T10:15:30Z"), null);

    assertThat(json.writeValueAsString(entry))
        .isEqualTo(
            """
            {"name":"a.txt","path":"docs/a.txt","type":"file","size":12,\
            "modified":"2025-05-20T10:15:30Z"}""");
  }

  @Test
  void aDirectoryWithChildrenReadsBackEqual() {
    var child =
        new FileEntry("b", "a/b", EntryType.DIR, 0, Instant.parse("2025-05-20T10:15:30Z"), null);
    var dir =
        new FileEntry(
            "a", "a", EntryType.DIR, 0, Instant.parse("2025-05-20T10:15:30.5Z"), List.of(child));

    var read = json.readValue(json.writeValueAsString(dir), FileEntry.class);

    assertThat(read).isEqualTo(dir);
  }

  @Test
  void aProblemHasTheFourRfc9457Members() {
    var problem = new Problem("about:blank", "Not Found", 404, "no such file: a.txt");

    assertThat(json.writeValueAsString(problem))
        .isEqualTo(
            """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no such file: a.txt"}""");
  }
}
