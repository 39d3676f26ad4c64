package io.workspacebackend.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLinesTest {
  @Test
  void aLineEndingInItsLineBreakIsOneRowWithoutABlankOneAfterIt() {
    assertThat(LogLines.of("Netty started on port 8080\n"))
        .containsExactly("Netty started on port 8080");
    assertThat(LogLines.of("from a Windows program\r\n")).containsExactly("from a Windows program");
  }

  @Test
  void aLineWithoutALineBreakIsOneRow() {
    assertThat(LogLines.of("the reader already cut it"))
        .containsExactly("the reader already cut it");
  }

  @Test
  void aBlankLineTheLogReallyHasStaysOneBlankRow() {
    assertThat(LogLines.of("\n")).containsExactly("");
    assertThat(LogLines.of("")).containsExactly("");
  }

  @Test
  void textHoldingSeveralLinesIsOneRowEach() {
    assertThat(LogLines.of("first\nsecond\r\nthird\n\nfifth\n"))
        .containsExactly("first", "second", "third", "", "fifth");
  }
}
