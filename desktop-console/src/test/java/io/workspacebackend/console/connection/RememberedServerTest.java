package io.workspacebackend.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedServerTest {
  /** Stands in for the user's preferences root, where consoles before the settings file wrote. */
  private final Preferences legacyRoot =
      Preferences.userRoot().node("workspace-backend-test-" + UUID.randomUUID());

  @TempDir Path settings;

  @AfterEach
  void removeNode() throws BackingStoreException {
    legacyRoot.removeNode();
  }

  @Test
  void nothingIsRememberedAtFirst() {
    assertThat(remembered().lastUrl()).isEmpty();
  }

  @Test
  void aRememberedUrlComesBackNormalisedFromTheSettingsFile() throws IOException {
    remembered().remember(URI.create("http://127.0.0.1:8080/"));

    assertThat(remembered().lastUrl()).contains(URI.create("http://127.0.0.1:8080"));
    assertThat(Files.readString(file(), StandardCharsets.UTF_8))
        .contains("last-server-url=http\\://127.0.0.1\\:8080");
  }

  @Test
  void theSettingsDirectoryIsCreatedWhenMissing() {
    Path nested = settings.resolve("Library/Application Support/Workspace Backend Console");
    RememberedServer server =
        new RememberedServer(nested.resolve("console.properties"), legacyRoot);

    server.remember(URI.create("https://backend.example.org"));

    assertThat(server.lastUrl()).contains(URI.create("https://backend.example.org"));
    assertThat(nested).isDirectoryContaining(path -> path.endsWith("console.properties"));
  }

  @Test
  void aUrlFromAnEarlierConsolesPreferencesIsStillRemembered() {
    legacyRoot.node(RememberedServer.LEGACY_NODE).put("last-server-url", "http://old.example:8080");

    assertThat(remembered().lastUrl()).contains(URI.create("http://old.example:8080"));
  }

  @Test
  void onceRememberedAgainTheSettingsFileWinsOverThePreferences() {
    legacyRoot.node(RememberedServer.LEGACY_NODE).put("last-server-url", "http://old.example:8080");

    remembered().remember(URI.create("http://new.example:9090"));

    assertThat(remembered().lastUrl()).contains(URI.create("http://new.example:9090"));
  }

  @Test
  void readingDoesNotCreateTheOldPreferenceNode() throws BackingStoreException {
    remembered().lastUrl();

    assertThat(legacyRoot.nodeExists(RememberedServer.LEGACY_NODE)).isFalse();
    assertThat(file()).doesNotExist();
  }

  @Test
  void aTypedHostWithoutSchemeMeansHttp() {
    assertThat(RememberedServer.parse(" example.org:8080 "))
        .isEqualTo(URI.create("http://example.org:8080"));
  }

  @Test
  void otherSchemesAreRefusedWithAReason() {
    assertThatThrownBy(() -> RememberedServer.parse("ftp://example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use an http:// or https:// address");
  }

  @Test
  void aCorruptStoredValueIsIgnored() throws IOException {
    Files.writeString(file(), "last-server-url=ftp://nope\n", StandardCharsets.UTF_8);

    assertThat(remembered().lastUrl()).isEmpty();
  }

  private RememberedServer remembered() {
    return new RememberedServer(file(), legacyRoot);
  }

  private Path file() {
    return settings.resolve("console.properties");
  }
}
