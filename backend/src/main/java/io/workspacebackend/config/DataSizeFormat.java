package io.workspacebackend.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Reads sizes such as "512MB", "2GB", "1MiB" or a plain number of bytes, and writes them in the
 * largest whole unit. As in Spring's {@link DataSize}, KB, MB, GB and TB are powers of 1024, so
 * "MiB" is accepted as another spelling of "MB".
 */
final class DataSizeFormat {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final List<DataUnit> LARGEST_FIRST =
      List.of(DataUnit.TERABYTES, DataUnit.GIGABYTES, DataUnit.MEGABYTES, DataUnit.KILOBYTES);

  private DataSizeFormat() {}

  static Optional<DataSize> parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      return unit(matcher.group(2)).map(unit -> DataSize.of(amount, unit));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  static String format(DataSize size) {
    long bytes = size.toBytes();
    for (DataUnit unit : LARGEST_FIRST) {
      long unitBytes = DataSize.of(1, unit).toBytes();
      if (bytes != 0 && bytes % unitBytes == 0) {
        return bytes / unitBytes + suffix(unit);
      }
    }
    return bytes + "B";
  }

  private static Optional<DataUnit> unit(String suffix) {
    return switch (suffix) {
      case "", "b" -> Optional.of(DataUnit.BYTES);
      case "kb", "kib" -> Optional.of(DataUnit.KILOBYTES);
      case "mb", "mib" -> Optional.of(DataUnit.MEGABYTES);
      case "gb", "gib" -> Optional.of(DataUnit.GIGABYTES);
      case "tb", "tib" -> Optional.of(DataUnit.TERABYTES);
      default -> Optional.empty();
    };
  }

  private static String suffix(DataUnit unit) {
    return switch (unit) {
      case TERABYTES -> "TB";
      case GIGABYTES -> "GB";
      case MEGABYTES -> "MB";
      case KILOBYTES -> "KB";
      default -> "B";
    };
  }
}
