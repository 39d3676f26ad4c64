package io.workspacebackend.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.console.platform.DesktopOs;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class TerminalClipboardKeysTest {
  @Test
  void onAMacCmdCAndCmdVCopyAndPaste() {
    TerminalClipboardKeys keys = TerminalClipboardKeys.of(DesktopOs.MAC);

    assertThat(keys.copy()).isEqualTo(new KeyCodeCombination(KeyCode.C, KeyCombination.META_DOWN));
    assertThat(keys.paste()).isEqualTo(new KeyCodeCombination(KeyCode.V, KeyCombination.META_DOWN));
  }

  @Test
  void onLinuxCtrlShiftCopiesSoThatCtrlCStillInterrupts() {
    TerminalClipboardKeys keys = TerminalClipboardKeys.of(DesktopOs.LINUX);

    assertThat(keys.copy())
        .isEqualTo(
            new KeyCodeCombination(
                KeyCode.C, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
    assertThat(keys.paste())
        .isEqualTo(
            new KeyCodeCombination(
                KeyCode.V, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
  }

  @Test
  void windowsTerminalsUseCtrlShiftLikeLinux() {
    assertThat(TerminalClipboardKeys.of(DesktopOs.WINDOWS))
        .isEqualTo(TerminalClipboardKeys.of(DesktopOs.LINUX));
  }

  @Test
  void noDesktopTakesPlainCtrlCFromTheShell() {
    KeyCodeCombination interrupt = new KeyCodeCombination(KeyCode.C, KeyCombination.CONTROL_DOWN);
    for (DesktopOs os : DesktopOs.values()) {
      assertThat(TerminalClipboardKeys.of(os).copy()).as(os.name()).isNotEqualTo(interrupt);
    }
  }
}
