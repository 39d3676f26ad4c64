package io.workspacebackend.console.shell;

import io.workspacebackend.console.platform.DesktopOs;
import io.workspacebackend.console.ui.FocusedClipboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The window's menu bar. On macOS it is the system menu bar, whose application menu (Hide, Quit
 * with Cmd+Q) the system supplies; JavaFX 21 cannot add About or Settings to that menu, so About
 * sits in Help there too. Elsewhere a File menu holds Quit and Edit holds Preferences. Accelerators
 * use the shortcut key: Cmd on a Mac, Ctrl elsewhere.
 */
public final class ConsoleMenus {
  private final DesktopOs os;
  private final Stage stage;
  private final FocusedClipboard clipboard;
  private final Runnable showPreferences;

  /**
   * @param stage the window the menus act on (minimise, the owner of About)
   * @param scene the scene whose focused control Copy and Paste act on
   * @param showPreferences opens the Preferences dialog
   */
  public ConsoleMenus(DesktopOs os, Stage stage, Scene scene, Runnable showPreferences) {
    this.os = os;
    this.stage = stage;
    this.clipboard = new FocusedClipboard(scene);
    this.showPreferences = showPreferences;
  }

  public MenuBar menuBar() {
    List<Menu> menus = new ArrayList<>();
    if (os != DesktopOs.MAC) {
      menus.add(menu("_File", item("_Quit", KeyCode.Q, event -> Platform.exit())));
    }
    Menu edit =
        menu(
            "_Edit",
            item("_Copy", KeyCode.C, event -> clipboard.copy()),
            item("_Paste", KeyCode.V, event -> clipboard.paste()));
    menus.add(edit);
    menus.add(menu("_Window", item("_Minimize", KeyCode.M, event -> stage.setIconified(true))));
    Menu help = menu("_Help", aboutItem());
    menus.add(help);
    // A Mac app's Settings belongs in its application menu, beside About; JavaFX 21 cannot add
    // to that menu, so on a Mac it sits where About does, in Help (still Cmd+, as Mac users
    // expect). Linux and Windows desktops keep it in Edit.
    if (os == DesktopOs.MAC) {
      help.getItems().add(preferencesItem());
    } else {
      edit.getItems().addAll(new SeparatorMenuItem(), preferencesItem());
    }
    MenuBar bar = new MenuBar(menus.toArray(Menu[]::new));
    bar.setId("menu-bar");
    bar.setUseSystemMenuBar(os == DesktopOs.MAC);
    return bar;
  }

  private MenuItem aboutItem() {
    MenuItem about = new MenuItem("_About Workspace Backend Console");
    about.setId("menu-item-about");
    about.setOnAction(event -> AboutDialog.show(stage));
    return about;
  }

  private MenuItem preferencesItem() {
    MenuItem preferences = item("P_references…", KeyCode.COMMA, event -> showPreferences.run());
    preferences.setId("menu-item-preferences");
    return preferences;
  }

  private static Menu menu(String text, MenuItem... items) {
    Menu menu = new Menu(text);
    menu.setId("menu-" + idOf(text));
    menu.getItems().addAll(items);
    return menu;
  }

  /** "_Copy" becomes "copy": ids for tests and stylesheets. */
  private static String idOf(String text) {
    return text.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static MenuItem item(String text, KeyCode key, EventHandler<ActionEvent> action) {
    MenuItem item = new MenuItem(text);
    item.setId("menu-item-" + idOf(text));
    item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
    item.setOnAction(action);
    return item;
  }
}
