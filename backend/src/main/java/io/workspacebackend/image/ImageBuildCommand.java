package io.workspacebackend.image;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact command that builds a missing session image, for messages to paste into a shell: it
 * names the image ({@code --tag}), since the one missing need not be the configured default, and
 * the configuration file when one was given, so the build reaches the same engine.
 */
public final class ImageBuildCommand {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

  private ImageBuildCommand() {}

  public static String forImage(String image) {
    return forImage(image, Optional.empty());
  }

  public static String forImage(String image, Optional<Path> configFile) {
    StringBuilder command = new StringBuilder("workspace-backend");
    configFile.ifPresent(
        file -> command.append(" --config ").append(quoted(file.toAbsolutePath().toString())));
    return command.append(" image build --tag ").append(quoted(image)).toString();
  }

  /** The word as a POSIX shell reads it back: bare when that is safe, else in single quotes. */
  private static String quoted(String word) {
    return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
