package io.workspacebackend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceNestingTest {
  private static final List<Path> IN_USE =
      List.of(Path.of("/w/alice/a1"), Path.of("/w/alice/projects/api"));

  @Test
  void aWorkspaceInsideAnotherIsRefused() {
    assertThat(WorkspaceNesting.conflict(Path.of("/w/alice/a1/tgt2"), IN_USE))
        .hasValueSatisfying(reason -> assertThat(reason).contains("lies inside"));
  }

  @Test
  void aWorkspaceAroundAnotherIsRefused() {
    assertThat(WorkspaceNesting.conflict(Path.of("/w/alice/projects"), IN_USE))
        .hasValueSatisfying(reason -> assertThat(reason).contains("contains"));
  }

  @Test
  void theSameWorkspaceAndSiblingsAreFine() {
    assertThat(WorkspaceNesting.conflict(Path.of("/w/alice/a1"), IN_USE)).isEmpty();
    assertThat(WorkspaceNesting.conflict(Path.of("/w/alice/a10"), IN_USE)).isEmpty();
    assertThat(WorkspaceNesting.conflict(Path.of("/w/alice/projects/web"), IN_USE)).isEmpty();
  }
}
