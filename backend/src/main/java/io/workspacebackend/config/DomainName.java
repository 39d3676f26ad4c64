package io.workspacebackend.config;

import java.util.regex.Pattern;

/**
 * A DNS host name as RFC 1123 allows it: dot-separated labels of letters, digits and hyphens, none
 * starting or ending with a hyphen, at most 63 characters each and 253 in all. The last label may
 * not be all digits, so that an IP address is never taken for a domain (it has no subdomains).
 */
final class DomainName {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private DomainName() {}

  /** Whether {@code name} (lower case) is a valid host name. */
  static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !DIGITS.matcher(labels[labels.length - 1]).matches();
  }
}
