package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceDirectoriesTest {
  @TempDir Path root;

  @Test
  void theDefaultWorkspaceIsANewDirectoryNamedAfterTheSessionAndTheContainerUserOwnsIt()
      throws Exception {
    Path workspace = new WorkspaceDirectories(root).prepare("alice", Optional.empty(), "demo");

    assertThat(workspace).isEqualTo(root.resolve("alice/demo").toRealPath()).isDirectory();
    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(1000);
  }

  @Test
  void aRequestedRelativePathIsUsedInsideTheUsersDirectory() throws Exception {
    Path workspace =
        new WorkspaceDirectories(root).prepare("alice", Optional.of("projects/api"), "ignored");

    assertThat(workspace).isEqualTo(root.resolve("alice/projects/api").toRealPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc", "../bob", "projects/../../bob", "a/../..", "\\\\server\\share"})
  void pathsThatLeaveTheUsersDirectoryAreRefused(String requested) {
    assertThatThrownBy(
            () -> new WorkspaceDirectories(root).prepare("alice", Optional.of(requested), "x"))
        .isInstanceOf(InvalidWorkspaceException.class);
    assertThat(root.resolve("bob")).doesNotExist();
  }

  @Test
  void aSymlinkLeadingOutIsRefused() throws Exception {
    Files.createDirectories(root.resolve("alice"));
    Files.createSymbolicLink(root.resolve("alice/escape"), Path.of("/etc"));

    assertThatThrownBy(
            () -> new WorkspaceDirectories(root).prepare("alice", Optional.of("escape/inner"), "x"))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("leads outside");
    assertThat(Path.of("/etc/inner")).doesNotExist();
  }

  @Test
  void aSymlinkStayingInsideIsFine() throws Exception {
    Files.createDirectories(root.resolve("alice/real"));
    Files.createSymbolicLink(root.resolve("alice/link"), root.resolve("alice/real"));

    Path workspace = new WorkspaceDirectories(root).prepare("alice", Optional.of("link"), "x");

    assertThat(workspace).isEqualTo(root.resolve("alice/real").toRealPath());
  }
}
