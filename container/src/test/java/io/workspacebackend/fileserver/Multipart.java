package io.workspacebackend.fileserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small multipart/form-data bodies for tests, the way browsers spell them. */
final class Multipart {

  static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart field(String name, String value) {
    return part(
        "Content-Disposition: form-data; name=\"" + name + "\"",
        value.getBytes(StandardCharsets.UTF_8));
  }

  Multipart file(String fileName, String content) {
    return file(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  Multipart file(String fileName, byte[] content) {
    return part(
        "Content-Disposition: form-data; name=\"files\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream",
        content);
  }

  Multipart part(String headers, byte[] content) {
    write("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  byte[] build() {
    write("--" + BOUNDARY + "--\r\n");
    return body.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
