package io.workspacebackend.console.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small properties file in the desktop's settings directory (the remembered server, window,
 * theme). Reading and writing never fail the console: what cannot be read or stored is logged and
 * forgotten, which costs the user only a choice made again.
 */
public final class SettingsFile {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

  private final Path file;

  public SettingsFile(Path file) {
    this.file = file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /** The stored settings; empty when there is no file or it cannot be read. Reads the disk. */
  public Optional<Properties> read() {
    if (!exists()) {
      return Optional.empty();
    }
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      settings.load(reader);
      return Optional.of(settings);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("could not read {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** A stored value that does not make sense: logged, then treated as not stored. */
  public void unusable(RuntimeException problem) {
    LOG.warn("could not read {}: {}", file, problem.getMessage());
  }

  /** Stores {@code settings} in place of what the file held. Writes the disk. */
  public void write(Properties settings) {
    try {
      Files.createDirectories(file.getParent());
      // Written beside the file and moved over it: a crash mid-write never leaves half a file.
      Path partial = Files.createTempFile(file.getParent(), ".settings", ".properties");
      try {
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          settings.store(writer, "Workspace Backend Console");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      LOG.warn("could not store the settings in {}: {}", file, e.getMessage());
    }
  }
}
