package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workspacebackend.session.WorkspaceDirectories.WorkspaceMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a warm slot's directory becomes a user's new workspace, and what is refused on the way. */
class WarmPoolDirectoriesTest {
  @TempDir Path root;
  @TempDir Path outside;

  private WorkspaceDirectories workspaces;
  private WarmDirectories warm;

  @BeforeEach
  void directories() {
    workspaces = new WorkspaceDirectories(root);
    warm = new WarmDirectories(workspaces);
  }

  @Test
  void aClaimedSlotsDirectoryBecomesTheNewWorkspaceAsTheSameDirectory() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Object inode = Files.getAttribute(slot.path(), "unix:ino");
    Path workspace = workspaces.resolve("alice", Optional.empty(), "demo");

    WorkspaceMount moved = warm.moveInto(slot, workspace);

    assertThat(moved.path()).isEqualTo(workspace).isDirectory();
    assertThat(moved.fileKey()).isEqualTo(slot.fileKey());
    assertThat(Files.getAttribute(workspace, "unix:ino")).isEqualTo(inode);
    assertThat(workspaces.stillInPlace(moved)).isTrue();
    assertThat(Files.getAttribute(workspace, "unix:uid")).isEqualTo(1000);
    assertThat(slot.path()).doesNotExist();
    // The user's own directory stays the backend's, as a cold start leaves it.
    assertThat(Files.getAttribute(workspace.getParent(), "unix:uid"))
        .isEqualTo(Files.getAttribute(root, "unix:uid"));
  }

  @Test
  void anExistingDirectoryOfTheUserIsNeverReplaced() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Path workspace = workspaces.resolve("alice", Optional.empty(), "kept");
    // Empty, so rename(2) alone would replace it.
    Files.createDirectories(workspace);
    Object existing = Files.getAttribute(workspace, "unix:ino");

    assertThatThrownBy(() -> warm.moveInto(slot, workspace))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("exists already");

    assertThat(Files.getAttribute(workspace, "unix:ino")).isEqualTo(existing);
    assertThat(warm.unchanged(slot.path(), WarmDirectories.key(slot))).isPresent();
  }

  @Test
  void aSymlinkAboveTheWorkspaceIsRefusedAndNothingIsMadeWhereItLeads() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Files.createSymbolicLink(root.resolve("alice"), outside);
    Path workspace = root.toRealPath().resolve("alice/demo");

    assertThatThrownBy(() -> warm.moveInto(slot, workspace))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("symbolic link");

    assertThat(outside.resolve("demo")).doesNotExist();
    assertThat(slot.path()).isDirectory();
  }

  @Test
  void aSlotDirectoryWithAnythingInItIsNeverMoved() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Files.writeString(slot.path().resolve(".written-by-the-slot"), "x");
    Path workspace = workspaces.resolve("alice", Optional.empty(), "demo");

    assertThatThrownBy(() -> warm.moveInto(slot, workspace))
        .isInstanceOf(InvalidWorkspaceException.class)
        .hasMessageContaining("not empty");

    assertThat(workspace).doesNotExist();
    assertThat(warm.unchanged(slot.path(), WarmDirectories.key(slot))).isEmpty();
  }

  @Test
  void aSlotDirectorySwappedForAnotherIsNeverMoved() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Path aside = Files.move(slot.path(), slot.path().resolveSibling("aside"));
    Files.createDirectory(slot.path());
    Path workspace = workspaces.resolve("alice", Optional.empty(), "demo");

    assertThatThrownBy(() -> warm.moveInto(slot, workspace))
        .isInstanceOf(InvalidWorkspaceException.class);
    assertThat(warm.unchanged(slot.path(), WarmDirectories.key(slot))).isEmpty();

    Files.delete(slot.path());
    Files.createSymbolicLink(slot.path(), aside);
    assertThatThrownBy(() -> warm.moveInto(slot, workspace))
        .isInstanceOf(InvalidWorkspaceException.class);
    assertThat(warm.unchanged(slot.path(), WarmDirectories.key(slot))).isEmpty();
    assertThat(workspace).doesNotExist();
  }

  @Test
  void noWorkspaceAUserCanNameLiesAmongTheSlots() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));

    assertThatThrownBy(() -> workspaces.resolve("alice", Optional.of("../.warm/slot-1"), "x"))
        .isInstanceOf(InvalidWorkspaceException.class);
    Files.createDirectories(root.resolve("alice"));
    Files.createSymbolicLink(root.resolve("alice/link"), slot.path());
    assertThatThrownBy(() -> workspaces.resolve("alice", Optional.of("link"), "x"))
        .isInstanceOf(InvalidWorkspaceException.class);
    assertThatThrownBy(() -> warm.moveInto(slot, root.toRealPath().resolve(".warm/other")))
        .isInstanceOf(InvalidWorkspaceException.class);
  }

  @Test
  void deletingASlotsDirectoryFollowsNoLinkAndTouchesNothingOutsideTheSlots() throws Exception {
    WorkspaceMount slot = warm.prepare(warm.directoryOf("slot-1"));
    Path precious = Files.writeString(outside.resolve("precious"), "keep");
    Files.createSymbolicLink(slot.path().resolve("link-to-file"), precious);
    Files.createSymbolicLink(slot.path().resolve("link-to-directory"), outside);
    Files.createDirectories(slot.path().resolve("a/b"));
    Path users = Files.createDirectories(root.resolve("alice/demo"));

    warm.delete(slot.path());

    assertThat(slot.path()).doesNotExist();
    assertThat(precious).hasContent("keep");
    assertThat(outside).isDirectory();
    assertThatThrownBy(() -> warm.delete(users)).isInstanceOf(java.io.IOException.class);
    assertThat(users).isDirectory();
  }
}
