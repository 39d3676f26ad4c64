package io.workspacebackend.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.user.QuotaOverrides;
import io.workspacebackend.model.user.Role;
import io.workspacebackend.model.user.User;
import io.workspacebackend.model.user.UserQuota;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotaViewModelTest {
  private static final long GIB = 1L << 30;

  private static User user(UserQuota quota) {
    return new User(UUID.randomUUID(), "ann", Role.USER, false, Instant.EPOCH, quota);
  }

  private static final User DEFAULTS = user(new UserQuota(5, null, 8.0, QuotaOverrides.NONE));

  @Test
  void aUserWithoutOwnValuesStartsWithEmptyFieldsPromptingTheDefaults() {
    QuotaViewModel model = new QuotaViewModel(DEFAULTS);

    assertThat(model.sessionsProperty().get()).isEmpty();
    assertThat(model.memoryProperty().get()).isEmpty();
    assertThat(model.cpusProperty().get()).isEmpty();
    assertThat(model.sessionsPrompt()).isEqualTo("default: 5");
    assertThat(model.memoryPrompt()).isEqualTo("default: unlimited");
    assertThat(model.cpusPrompt()).isEqualTo("default: 8");
    assertThat(model.result()).contains(QuotaOverrides.NONE);
  }

  @Test
  void ownValuesAreShownAsTypedAndSentBackUnchanged() {
    QuotaOverrides own = new QuotaOverrides(2, 4 * GIB / 3, 1.5);
    QuotaViewModel model = new QuotaViewModel(user(new UserQuota(2, 4 * GIB / 3, 1.5, own)));

    assertThat(model.sessionsProperty().get()).isEqualTo("2");
    assertThat(model.memoryProperty().get()).isEqualTo("1.33 GiB");
    assertThat(model.cpusProperty().get()).isEqualTo("1.5");
    assertThat(model.memoryPrompt()).isEqualTo("empty for the default");
    // "1.33 GiB" is rounded: untouched, the stored number of bytes is kept.
    assertThat(model.result()).contains(own);
  }

  @Test
  void typedValuesBecomeTheOverridesAndEmptyFieldsTheDefaults() {
    QuotaViewModel model = new QuotaViewModel(DEFAULTS);

    model.sessionsProperty().set("0");
    model.memoryProperty().set("8g");
    model.cpusProperty().set(" 2.5 ");

    assertThat(model.validProperty().get()).isTrue();
    assertThat(model.result()).contains(new QuotaOverrides(0, 8 * GIB, 2.5));

    model.useDefaults();
    assertThat(model.result()).contains(QuotaOverrides.NONE);
  }

  @Test
  void badValuesAreNamedAndCannotBeSaved() {
    QuotaViewModel model = new QuotaViewModel(DEFAULTS);

    model.sessionsProperty().set("-1");
    model.memoryProperty().set("lots");
    model.cpusProperty().set("0");

    assertThat(model.validProperty().get()).isFalse();
    assertThat(model.result()).isEmpty();
    assertThat(model.problemProperty().get())
        .contains("Sessions must be", "Memory must be", "CPUs must be");

    model.sessionsProperty().set("3");
    model.memoryProperty().set("512m");
    assertThat(model.problemProperty().get()).startsWith("CPUs must be");
    model.cpusProperty().set("");
    assertThat(model.validProperty().get()).isTrue();
    assertThat(model.problemProperty().get()).isEmpty();
  }

  @Test
  void tableCellsShowTheQuotaInEffectAndMarkOwnValues() {
    UserQuota quota = new UserQuota(3, 16 * GIB, null, new QuotaOverrides(3, null, null));

    assertThat(QuotaViewModel.sessionsCell(quota)).isEqualTo("3 (set)");
    assertThat(QuotaViewModel.memoryCell(quota)).isEqualTo("16 GiB");
    assertThat(QuotaViewModel.cpusCell(quota)).isEqualTo("unlimited");
  }
}
