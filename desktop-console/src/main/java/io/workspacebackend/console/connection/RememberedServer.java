package io.workspacebackend.console.connection;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

/** The backend URL the console connected to last, kept in the user's preferences. */
public final class RememberedServer {
  private static final String KEY = "last-server-url";

  private final Preferences preferences;

  public RememberedServer(Preferences preferences) {
    this.preferences = preferences;
  }

  /** The console's own preference node. */
  public static RememberedServer forCurrentUser() {
    return new RememberedServer(Preferences.userNodeForPackage(RememberedServer.class));
  }

  /** The remembered URL, if one was stored and is still a valid backend URL. */
  public Optional<URI> lastUrl() {
    String stored = preferences.get(KEY, null);
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(stored));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Remembers {@code url} after a successful connection. */
  public void remember(URI url) {
    preferences.put(KEY, parse(url.toString()).toString());
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
