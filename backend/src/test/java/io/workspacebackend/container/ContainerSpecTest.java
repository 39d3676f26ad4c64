package io.workspacebackend.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ContainerSpecTest {
  private static final Tmpfs OWNED =
      new Tmpfs("/home/u", DataSize.ofMegabytes(1), 0700, true, true);

  @Test
  void aTmpfsOwnedByTheUserNeedsTheUserAsNumericUidAndGid() {
    assertThatThrownBy(() -> ContainerSpec.builder("c", "i").tmpfs(OWNED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numeric uid:gid");
    assertThatThrownBy(() -> ContainerSpec.builder("c", "i").user("dev").tmpfs(OWNED).build())
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(ContainerSpec.builder("c", "i").user("1000:1000").tmpfs(OWNED).build().tmpfs())
        .containsExactly(OWNED);
  }

  @Test
  void twoTmpfsMountsAtOnePathAreRefused() {
    assertThatThrownBy(
            () ->
                ContainerSpec.builder("c", "i")
                    .user("1000:1000")
                    .tmpfs(OWNED)
                    .tmpfs(new Tmpfs("/home/u", DataSize.ofMegabytes(2), 0755, false, false))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two tmpfs mounts at one path");
  }

  @Test
  void aTmpfsNeedsAnAbsolutePathAPositiveSizeAndAFileMode() {
    assertThatThrownBy(() -> new Tmpfs("tmp", DataSize.ofMegabytes(1), 01777, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tmpfs("/", DataSize.ofMegabytes(1), 01777, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tmpfs("/tmp", DataSize.ofBytes(0), 01777, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tmpfs("/tmp", DataSize.ofMegabytes(1), 010000, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Tmpfs("/tmp", DataSize.ofMegabytes(1), 01777, false, false).octalMode())
        .isEqualTo("1777");
  }
}
