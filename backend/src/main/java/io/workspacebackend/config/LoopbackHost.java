package io.workspacebackend.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a listen address only accepts connections from this machine: {@code localhost}, an IPv4
 * address in 127.0.0.0/8 or the IPv6 loopback. Judged from the text alone, without asking DNS.
 */
final class LoopbackHost {
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

  private LoopbackHost() {}

  static boolean is(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.equals("localhost")
        || IPV4_LOOPBACK.matcher(name).matches()
        || name.equals("::1")
        || name.equals("0:0:0:0:0:0:0:1");
  }
}
