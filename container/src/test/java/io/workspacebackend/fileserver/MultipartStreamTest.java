package io.workspacebackend.fileserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {

  private record Read(MultipartStream.Part part, String content) {}

  private static List<Read> readAll(InputStream body, String contentType) throws Exception {
    var stream = new MultipartStream(body, contentType);
    var parts = new ArrayList<Read>();
    for (var part = stream.next(); part.isPresent(); part = stream.next()) {
      parts.add(
          new Read(
              part.get(), new String(stream.content().readAllBytes(), StandardCharsets.UTF_8)));
    }
    return parts;
  }

  /** Hands out one byte per read, so that every boundary straddles a refill. */
  private static InputStream trickle(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @Test
  void readsFieldsAndFilesInOrderEvenOneByteAtATime() throws Exception {
    var body = new Multipart().field("note", "hi").file("a.txt", "alpha").file("b.txt", "").build();

    var parts = readAll(trickle(body), Multipart.CONTENT_TYPE);

    assertThat(parts)
        .extracting(r -> r.part().name(), r -> r.part().fileName(), Read::content)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("note", Optional.empty(), "hi"),
            org.assertj.core.groups.Tuple.tuple("files", Optional.of("a.txt"), "alpha"),
            org.assertj.core.groups.Tuple.tuple("files", Optional.of("b.txt"), ""));
  }

  @Test
  void contentThatNearlyMatchesTheBoundaryIsKeptIntact() throws Exception {
    // Everything but the whole delimiter, which by definition never occurs in content.
    var almost = "\r\n--" + Multipart.BOUNDARY.substring(0, Multipart.BOUNDARY.length() - 1);
    var tricky = "--" + Multipart.BOUNDARY + "\r\n--\r\n-" + almost + "!" + almost;
    var body = new Multipart().file("t.txt", tricky).build();

    assertThat(readAll(trickle(body), Multipart.CONTENT_TYPE))
        .singleElement()
        .extracting(Read::content)
        .isEqualTo(tricky);
  }

  @Test
  void aPreambleAndEpilogueAreSkippedAndPartsCanBeLeftUnread() throws Exception {
    var body =
        ("preamble\r\n"
                + new String(
                    new Multipart().file("a.txt", "a").file("b.txt", "b").build(),
                    StandardCharsets.UTF_8)
                + "epilogue")
            .getBytes(StandardCharsets.UTF_8);
    var stream = new MultipartStream(new ByteArrayInputStream(body), Multipart.CONTENT_TYPE);

    assertThat(stream.next()).isPresent();
    var second = stream.next();
    assertThat(second.map(p -> p.fileName().orElseThrow())).contains("b.txt");
    assertThat(stream.content().readAllBytes()).containsExactly('b');
    assertThat(stream.next()).isEmpty();
  }

  @Test
  void theBoundaryMayBeQuotedAndTheFileNameExtended() throws Exception {
    var body =
        new Multipart()
            .part(
                "Content-Disposition: form-data; name=\"f\"; filename=\"fallback.txt\"; filename*=UTF-8''na%C3%AFve%20file.txt",
                "x".getBytes(StandardCharsets.UTF_8))
            .build();

    var parts =
        readAll(
            new ByteArrayInputStream(body),
            "multipart/form-data; charset=utf-8; boundary=\"" + Multipart.BOUNDARY + "\"");

    assertThat(parts.get(0).part().fileName()).contains("naïve file.txt");
  }

  @Test
  void aFileNameKeepsItsBackslashesAndUtf8() throws Exception {
    var body = new Multipart().file("C:\\tmp\\größe.txt", "x").build();

    assertThat(
            readAll(new ByteArrayInputStream(body), Multipart.CONTENT_TYPE)
                .get(0)
                .part()
                .fileName())
        .contains("C:\\tmp\\größe.txt");
  }

  @Test
  void aBodyThatIsNotMultipartOrEndsEarlyIsRefused() {
    assertThatThrownBy(() -> new MultipartStream(InputStream.nullInputStream(), "text/plain"))
        .isInstanceOf(HttpProblem.class);
    assertThatThrownBy(
            () -> new MultipartStream(InputStream.nullInputStream(), "multipart/form-data"))
        .isInstanceOf(HttpProblem.class);
    var truncated =
        ("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(truncated), Multipart.CONTENT_TYPE))
        .isInstanceOf(MultipartStream.MalformedMultipart.class);
    var noDisposition =
        ("--"
                + Multipart.BOUNDARY
                + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--"
                + Multipart.BOUNDARY
                + "--")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> readAll(new ByteArrayInputStream(noDisposition), Multipart.CONTENT_TYPE))
        .isInstanceOf(MultipartStream.MalformedMultipart.class);
  }

  @Test
  void headersLongerThanTheLimitAreRefused() {
    var body =
        ("--" + Multipart.BOUNDARY + "\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body), Multipart.CONTENT_TYPE))
        .isInstanceOf(MultipartStream.MalformedMultipart.class)
        .hasMessageContaining("longer than");
  }
}
