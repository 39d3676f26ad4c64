package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.files.EntryType;
import io.workspacebackend.model.files.FileEntry;
import io.workspacebackend.model.files.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written JSON must be byte for byte what Jackson makes of the shared records. */
class JsonWriterTest {

  private final JsonMapper jackson = JsonMapper.builder().build();

  private static final FileEntry TREE =
      new FileEntry(
          "dir \"quoted\" \\ back",
          "a/dir \"quoted\" \\ back",
          EntryType.DIR,
          0,
          Instant.parse("2025-05-20T10:15:30.120Z"),
          List.of(
              new FileEntry(
                  "tab\there\u0001é✓",
                  "x/tab\there\u0001é✓",
                  EntryType.FILE,
                  12345678901L,
                  Instant.parse("2025-05-20T10:15:30Z"),
                  null),
              new FileEntry("empty", "x/empty", EntryType.DIR, 0, Instant.EPOCH, List.of())));

  @Test
  void entriesAreWrittenAsJacksonWritesThem() {
    assertThat(text(JsonWriter.entry(TREE))).isEqualTo(jackson.writeValueAsString(TREE));
    assertThat(text(JsonWriter.entries(List.of(TREE, TREE))))
        .isEqualTo(jackson.writeValueAsString(List.of(TREE, TREE)));
  }

  @Test
  void problemsAreWrittenAsJacksonWritesThem() {
    var problem = new Problem("about:blank", "Bad Request", 400, "path \"x\\y\"\nnext line");

    assertThat(text(JsonWriter.problem(problem))).isEqualTo(jackson.writeValueAsString(problem));
  }

  @Test
  void whatIsWrittenReadsBackEqual() {
    assertThat(jackson.readValue(JsonWriter.entry(TREE), FileEntry.class)).isEqualTo(TREE);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
