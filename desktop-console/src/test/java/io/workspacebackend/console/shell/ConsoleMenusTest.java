package io.workspacebackend.console.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.workspacebackend.console.platform.DesktopOs;
import io.workspacebackend.console.testing.ConsoleHome;
import io.workspacebackend.console.testing.Screenshots;
import io.workspacebackend.console.theme.ThemeChoice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console window's menu bar on the start screen, in a real window (Linux here). */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ConsoleMenusTest {
  private ConsoleHome home;
  private Stage stage;
  private Navigator navigator;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    home = ConsoleHome.create(Map.of());
    stage.setScene(null);
    navigator = new Navigator(stage, home.environment());
    navigator.showStart();
    stage.show();
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();
    WaitForAsyncUtils.asyncFx(() -> stopped.set(navigator.close())).get();
    stopped.get().get();
    home.close();
  }

  @Test
  void theWindowHasFileEditWindowAndHelpMenusWithCtrlAccelerators(FxRobot robot) {
    MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);

    assertThat(bar.isVisible()).isTrue();
    assertThat(bar.getHeight()).isPositive();
    assertThat(bar.isUseSystemMenuBar()).isFalse();
    assertThat(titles(bar.getMenus(), Menu::getText))
        .containsExactly("File", "Edit", "Window", "Help");
    assertThat(acceleratorsShown(bar))
        .containsExactly(
            "Quit Ctrl+Q",
            "Copy Ctrl+C",
            "Paste Ctrl+V",
            "Preferences… Ctrl+,",
            "Minimize Ctrl+M",
            "About Workspace Backend Console");
    Screenshots.save(stage, "menu-bar");
  }

  @Test
  void editCopyAndPasteMoveTextBetweenFields(FxRobot robot) {
    robot.clickOn("#url").write("backend.example.org");
    robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
    robot.clickOn("#menu-edit").clickOn("#menu-item-copy");
    robot.clickOn("#username");
    robot.clickOn("#menu-edit").clickOn("#menu-item-paste");

    TextField username = robot.lookup("#username").queryAs(TextField.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> !username.getText().isEmpty());
    assertThat(username.getText()).isEqualTo("backend.example.org");
  }

  @Test
  void helpAboutNamesTheConsoleAndTheJavaItRunsOn(FxRobot robot) {
    robot.clickOn("#menu-help").clickOn("#menu-item-about");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#about").tryQuery().isPresent());
    DialogPane about = robot.lookup("#about").queryAs(DialogPane.class);
    assertThat(about.getHeaderText()).isEqualTo("Workspace Backend Console");
    assertThat(about.getContentText())
        .startsWith("Version ")
        .contains("Java " + System.getProperty("java.version"), "JavaFX 21");
    robot.clickOn("OK");
  }

  /**
   * In a window of its own: without a window manager (Xvfb here) nothing restores a minimised
   * window, and the console's window must stay usable for the other tests.
   */
  @Test
  void theMinimizeShortcutMinimisesTheWindow(FxRobot robot) throws Exception {
    TextField field = new TextField();
    field.setId("minimize-target");
    Stage window =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Stage other = new Stage();
                  BorderPane root = new BorderPane(field);
                  Scene scene = new Scene(root, 400, 200);
                  root.setTop(
                      new ConsoleMenus(DesktopOs.current(), other, scene, () -> {}).menuBar());
                  other.setScene(scene);
                  other.show();
                  return other;
                })
            .get();
    try {
      robot.clickOn("#minimize-target");
      robot.push(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN));

      await().atMost(Duration.ofSeconds(5)).until(window::isIconified);
      assertThat(stage.isIconified()).isFalse();
    } finally {
      WaitForAsyncUtils.asyncFx(window::close).get();
    }
  }

  @Test
  void onAMacTheMenusGoToTheSystemMenuBarWhoseAppMenuHasQuit() throws Exception {
    MenuBar mac = menusFor(DesktopOs.MAC);

    assertThat(mac.isUseSystemMenuBar()).isTrue();
    assertThat(titles(mac.getMenus(), Menu::getText)).containsExactly("Edit", "Window", "Help");
    assertThat(titles(mac.getMenus().get(2).getItems(), MenuItem::getText))
        .as("Preferences sits beside About, as JavaFX cannot reach the app menu")
        .containsExactly("About Workspace Backend Console", "Preferences…");
    assertThat(allItems(mac))
        .extracting(MenuItem::getAccelerator)
        .doesNotContain(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
  }

  @Test
  void everyAcceleratorUsesTheShortcutKeySoItIsCmdOnAMac() throws Exception {
    for (DesktopOs os : DesktopOs.values()) {
      MenuBar bar = menusFor(os);
      assertThat(allItems(bar))
          .filteredOn(item -> item.getAccelerator() != null)
          .isNotEmpty()
          .allSatisfy(
              item -> {
                KeyCombination accelerator = item.getAccelerator();
                assertThat(accelerator.getShortcut()).isEqualTo(KeyCombination.ModifierValue.DOWN);
                assertThat(accelerator.getControl()).isEqualTo(KeyCombination.ModifierValue.UP);
                assertThat(accelerator.getMeta()).isEqualTo(KeyCombination.ModifierValue.UP);
              });
    }
  }

  @Test
  void preferencesSwitchTheThemeAtOnceAndRememberIt(FxRobot robot) {
    robot.clickOn("#menu-edit").clickOn("#menu-item-preferences");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#preferences").tryQuery().isPresent());
    assertThat(robot.lookup("#theme-system").queryAs(RadioButton.class).isSelected())
        .as("following the desktop is the default")
        .isTrue();

    robot.clickOn("#theme-dark");

    String dark = new PrimerDark().getUserAgentStylesheet();
    await().atMost(Duration.ofSeconds(10)).until(() -> dark.equals(userAgentStylesheet()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> home.environment().rememberedTheme().choice() == ThemeChoice.DARK);
    Screenshots.save(robot.window("Preferences"), "preferences-dark");

    robot.clickOn("#theme-light");
    String light = new PrimerLight().getUserAgentStylesheet();
    await().atMost(Duration.ofSeconds(10)).until(() -> light.equals(userAgentStylesheet()));
    robot.clickOn("Close");
  }

  private static String userAgentStylesheet() throws Exception {
    return WaitForAsyncUtils.asyncFx(Application::getUserAgentStylesheet).get();
  }

  /** Another desktop's menus, built for this window but not shown. */
  private MenuBar menusFor(DesktopOs os) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> new ConsoleMenus(os, stage, stage.getScene(), () -> {}).menuBar())
        .get();
  }

  /** The items a user can pick: separators left out. */
  private static List<MenuItem> allItems(MenuBar bar) {
    return bar.getMenus().stream()
        .flatMap(menu -> menu.getItems().stream())
        .filter(item -> !(item instanceof SeparatorMenuItem))
        .toList();
  }

  /** What a user reads in each menu: the item's name and, where it has one, its shortcut. */
  private static List<String> acceleratorsShown(MenuBar bar) {
    return allItems(bar).stream()
        .map(
            item ->
                withoutMnemonic(item.getText())
                    + (item.getAccelerator() == null
                        ? ""
                        : " " + item.getAccelerator().getDisplayText()))
        .toList();
  }

  private static <T> List<String> titles(List<T> items, Function<T, String> text) {
    return items.stream().map(text).map(ConsoleMenusTest::withoutMnemonic).toList();
  }

  private static String withoutMnemonic(String text) {
    return text.replaceFirst("_", "");
  }
}
