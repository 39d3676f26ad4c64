package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceDirectoriesTest {
  @TempDir Path root;
  @TempDir Path outside;

  @Test
  void theDefaultWorkspaceIsANewDirectoryNamedAfterTheSessionAndTheContainerUserOwnsIt()
      throws Exception {
    WorkspaceDirectories workspaces = new WorkspaceDirectories(root);

    Path workspace = workspaces.resolve("alice", Optional.empty(), "demo");
    assertThat(workspace).isEqualTo(root.toRealPath().resolve("alice/demo")).doesNotExist();
    WorkspaceMount mount = workspaces.prepare(workspace);

    assertThat(mount.path()).isEqualTo(workspace).isDirectory();
    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(1000);
    assertThat(workspaces.stillInPlace(mount)).isTrue();
  }

  @Test
  void aWorkspaceForAnEngineThatMapsTheUserToTheBackendsAccountStaysAsMade() throws Exception {
    // Rootless Podman with keep-id: the container's user writes as this very account.
    int self = (Integer) Files.getAttribute(root, "unix:uid");
    int group = (Integer) Files.getAttribute(root, "unix:gid");
    WorkspaceDirectories workspaces = new WorkspaceDirectories(root, self, group);

    Path workspace =
        workspaces.prepare(workspaces.resolve("alice", Optional.empty(), "demo")).path();

    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(self);
    assertThat(Files.getPosixFilePermissions(workspace))
        .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
  }

  @Test
  void aRequestedRelativePathIsUsedInsideTheUsersDirectory() throws Exception {
    Path workspace =
        new WorkspaceDirectories(root).resolve("alice", Optional.of("projects/api"), "ignored");

    assertThat(workspace).isEqualTo(root.toRealPath().resolve("alice/projects/api"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc",
        "../bob",
        "projects/../../bob",
        "a/../..",
        "\\\\server\\share",
        ".",
        "./",
        "a1:/etc",
        "x:/etc:ro",
        "a,b"
      })
  void pathsThatLeaveOrAreTheUsersDirectoryAreRefused(String requested) {
    assertThatThrownBy(
            () -> new WorkspaceDirectories(root).resolve("alice", Optional.of(requested), "x"))
        .isInstanceOf(InvalidWorkspaceException.class);
    assertThat(root.resolve("bob")).doesNotExist();
  }

  @Test
  void aSymlinkLeadingOutIsRefused() throws Exception {
    Files.createDirectories(root.resolve("alice"));
    Files.createSymbolicLink(root.resolve("alice/escape"), outside);

    assertThatThrownBy(
            () -> new WorkspaceDirectories(root).resolve("alice", Optional.of("escape/inner"), "x"))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("leads outside");
    assertThat(outside.resolve("inner")).doesNotExist();
  }

  @Test
  void aSymlinkStayingInsideLeadsToTheRealPath() throws Exception {
    Files.createDirectories(root.resolve("alice/real"));
    Files.createSymbolicLink(root.resolve("alice/link"), root.resolve("alice/real"));

    Path workspace = new WorkspaceDirectories(root).resolve("alice", Optional.of("link"), "x");

    assertThat(workspace).isEqualTo(root.resolve("alice/real").toRealPath());
  }

  @Test
  void aSymlinkToTheUsersDirectoryItselfIsRefused() throws Exception {
    Files.createDirectories(root.resolve("alice"));
    Files.createSymbolicLink(root.resolve("alice/self"), root.resolve("alice"));

    assertThatThrownBy(
            () -> new WorkspaceDirectories(root).resolve("alice", Optional.of("self"), "x"))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("not the directory itself");
  }

  /** The race of the report: the workspace becomes a link after the request was accepted. */
  @Test
  void aWorkspaceSwappedForASymlinkAfterTheRequestIsNeverPrepared() throws Exception {
    WorkspaceDirectories workspaces = new WorkspaceDirectories(root);
    Files.createDirectories(root.resolve("alice/a1/tgt2"));
    Path workspace = workspaces.resolve("alice", Optional.of("a1/tgt2"), "x");

    Files.delete(workspace);
    Files.createSymbolicLink(workspace, outside);

    assertThatThrownBy(() -> workspaces.prepare(workspace))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.getAttribute(outside, "unix:uid")).isNotEqualTo(1000);
  }

  @Test
  void aParentSwappedForASymlinkMakesNothingWhereItPoints() throws Exception {
    WorkspaceDirectories workspaces = new WorkspaceDirectories(root);
    Path workspace = workspaces.resolve("alice", Optional.of("p/q/r"), "x");

    Files.createDirectories(root.resolve("alice/p"));
    Files.createSymbolicLink(root.resolve("alice/p/q"), outside);

    assertThatThrownBy(() -> workspaces.prepare(workspace))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("symbolic link");
    assertThat(outside.resolve("r")).doesNotExist();
  }

  @Test
  void aPreparedWorkspaceReplacedAfterwardsIsNoLongerInPlace() throws Exception {
    WorkspaceDirectories workspaces = new WorkspaceDirectories(root);
    Path workspace = workspaces.resolve("alice", Optional.of("w"), "x");
    WorkspaceMount mount = workspaces.prepare(workspace);

    Files.move(workspace, root.resolve("alice/moved"));
    Files.createDirectory(workspace);
    assertThat(workspaces.stillInPlace(mount)).as("another directory at the path").isFalse();

    Files.delete(workspace);
    Files.createSymbolicLink(workspace, root.resolve("alice/moved"));
    assertThat(workspaces.stillInPlace(mount)).as("a link to the original").isFalse();
  }
}
