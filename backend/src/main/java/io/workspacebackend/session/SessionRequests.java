package io.workspacebackend.session;

import io.workspacebackend.model.session.CreateSessionRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@code POST /api/sessions} that need no engine or disk: name, image and env. */
final class SessionRequests {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  /** Docker's reference grammar (distribution/reference): [domain/]path[:tag][@digest]. */
  private static final Pattern IMAGE_REFERENCE;

  static {
    String path = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    String domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    String domain = domainComponent + "(?:\\." + domainComponent + ")*(?::[0-9]+)?";
    String tag = "[\\w][\\w.-]{0,127}";
    String digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    IMAGE_REFERENCE =
        Pattern.compile(
            "(?:" + domain + "/)?" + path + "(?:/" + path + ")*(?::" + tag + ")?(?:@" + digest
                + ")?");
  }

  private static final int MAX_IMAGE_NAME_LENGTH = 255;
  private static final int MAX_ENV_ENTRIES = 64;
  private static final int MAX_ENV_VALUE_LENGTH = 32 * 1024;

  private SessionRequests() {}

  /** The name, if one was given; it must also work as a directory name (the default workspace). */
  static Optional<String> name(CreateSessionRequest request) {
    String name = request.name();
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidSessionRequestException(
          "name", "1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return Optional.of(name);
  }

  /**
   * The image asked for, else {@code defaultImage}; a malformed reference never reaches the engine.
   */
  static String image(CreateSessionRequest request, String defaultImage) {
    String image = request.image();
    if (image == null || image.isBlank()) {
      return defaultImage;
    }
    int nameEnd = image.indexOf('@') < 0 ? image.length() : image.indexOf('@');
    if (nameEnd > MAX_IMAGE_NAME_LENGTH || !IMAGE_REFERENCE.matcher(image).matches()) {
      throw new InvalidSessionRequestException(
          "image",
          "not a valid image reference: lower-case [registry/]name[:tag][@digest], e.g."
              + " opencode-dev:latest");
    }
    return image;
  }

  static Map<String, String> env(CreateSessionRequest request) {
    Map<String, String> env = request.env() == null ? Map.of() : request.env();
    if (env.size() > MAX_ENV_ENTRIES) {
      throw new InvalidSessionRequestException("env", "at most " + MAX_ENV_ENTRIES + " variables");
    }
    for (Map.Entry<String, String> entry : env.entrySet()) {
      String name = entry.getKey();
      if (!ENV_NAME.matcher(name).matches()) {
        throw new InvalidSessionRequestException(
            "env", "variable name '" + name + "' must match [A-Z_][A-Z0-9_]*");
      }
      if (SessionContainers.RESERVED_ENV.contains(name)) {
        throw new InvalidSessionRequestException(
            "env", "variable '" + name + "' is set by the platform and cannot be overridden");
      }
      if (entry.getValue() == null || entry.getValue().length() > MAX_ENV_VALUE_LENGTH) {
        throw new InvalidSessionRequestException(
            "env", "variable '" + name + "' needs a value of at most 32 KiB");
      }
    }
    return Map.copyOf(env);
  }
}
