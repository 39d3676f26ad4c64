package io.workspacebackend.fileserver;

import java.io.InputStream;

/**
 * A stream of {@code length} bytes of a fixed repeating pattern, made up as it is read, so that
 * tests can send and check large bodies without holding them.
 */
final class PatternStream extends InputStream {

  private final long length;
  private long position;

  PatternStream(long length) {
    this.length = length;
  }

  /** The byte at an offset of every pattern stream. */
  static byte byteAt(long offset) {
    return (byte) (offset * 31 + (offset >>> 13));
  }

  @Override
  public int read() {
    return position < length ? byteAt(position++) & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) {
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(count, length - position);
    for (int i = 0; i < n; i++) {
      buffer[offset + i] = byteAt(position++);
    }
    return n;
  }
}
