package io.workspacebackend.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  @Test
  void textWrittenInPiecesReachesTheListenerAsWholeLinesWithoutCarriageReturns() {
    List<String> lines = new ArrayList<>();
    try (PrintWriter out = new PrintWriter(new ProgressLines(lines::add))) {
      out.print("Step 1/3 : FROM ");
      out.print("debian\r\n");
      out.println("Step 2/3 : RUN true");
      out.print("Successfully built");
    }

    assertThat(lines)
        .containsExactly("Step 1/3 : FROM debian", "Step 2/3 : RUN true", "Successfully built");
  }
}
