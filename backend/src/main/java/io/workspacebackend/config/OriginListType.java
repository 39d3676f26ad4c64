package io.workspacebackend.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A list of browser origins ("https://app.example.com"), written as a TOML array or, from the
 * environment and the command line, as comma-separated text.
 */
final class OriginListType implements ValueType<List<String>> {
  private static final String EXPECTED =
      "a list of origins like \"https://app.example.com\" (scheme://host[:port], no path)";

  @Override
  public List<String> parse(RawValue raw, VariableExpander expander) throws InvalidValue {
    List<String> items =
        raw instanceof RawValue.Items list
            ? list.items()
            : List.of(((RawValue.Text) raw).text().split(",", -1));
    List<String> origins = new ArrayList<>();
    for (String item : items) {
      String origin = expander.text(item).trim();
      if (origin.isEmpty()) {
        continue;
      }
      if (!isOrigin(origin)) {
        throw InvalidValue.expected(EXPECTED);
      }
      origins.add(origin);
    }
    return List.copyOf(origins);
  }

  @Override
  public String toToml(List<String> origins) {
    return origins.stream().map(TomlText::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
