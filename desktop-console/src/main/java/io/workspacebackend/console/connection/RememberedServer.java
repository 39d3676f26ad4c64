package io.workspacebackend.console.connection;

import io.workspacebackend.console.platform.SettingsDirectory;
import io.workspacebackend.console.platform.SettingsFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The backend URL the console connected to last, kept in a small properties file in the desktop's
 * settings directory. Consoles before that kept it in Java's preferences store; while the file does
 * not exist yet, the URL is read from there, so an update loses nothing.
 */
public final class RememberedServer {
  private static final String KEY = "last-server-url";

  /** The preference node earlier consoles used: {@code userNodeForPackage(RememberedServer)}. */
  static final String LEGACY_NODE = "io/workspacebackend/console/connection";

  private final SettingsFile file;
  private final Preferences legacyRoot;

  /**
   * @param file the settings file to read and write
   * @param legacyRoot the preferences root under which earlier consoles kept the URL
   */
  public RememberedServer(Path file, Preferences legacyRoot) {
    this.file = new SettingsFile(file);
    this.legacyRoot = legacyRoot;
  }

  /** The real user's settings file, and Java's user preferences for the old location. */
  public static RememberedServer forCurrentUser() {
    return new RememberedServer(
        SettingsDirectory.forCurrentUser().resolve("console.properties"), Preferences.userRoot());
  }

  /** The remembered URL, if one was stored and is still a valid backend URL. Reads the disk. */
  public Optional<URI> lastUrl() {
    Optional<String> stored =
        file.exists()
            ? file.read().flatMap(settings -> Optional.ofNullable(settings.getProperty(KEY)))
            : fromLegacyPreferences();
    try {
      return stored.map(RememberedServer::parse);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Remembers {@code url} after a successful connection; forgetting it costs the user only some
   * typing next time.
   */
  public void remember(URI url) {
    Properties settings = new Properties();
    settings.setProperty(KEY, parse(url.toString()).toString());
    file.write(settings);
  }

  /** Asks whether the node exists first: creating it would leave an empty node behind. */
  private Optional<String> fromLegacyPreferences() {
    try {
      return legacyRoot.nodeExists(LEGACY_NODE)
          ? Optional.ofNullable(legacyRoot.node(LEGACY_NODE).get(KEY, null))
          : Optional.empty();
    } catch (BackingStoreException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses what a user typed into a backend base URL: http or https, a host, no query; a missing
   * scheme means http, a trailing slash is dropped.
   */
  public static URI parse(String typed) {
    String text = typed.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    URI uri = URI.create(text);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("use an http:// or https:// address");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the address needs a host name");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("the address must not have a query or fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }
}
