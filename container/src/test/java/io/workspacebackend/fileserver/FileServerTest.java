package io.workspacebackend.fileserver;

import static io.workspacebackend.fileserver.FileServerClient.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.workspacebackend.model.files.EntryType;
import io.workspacebackend.model.files.FileEntry;
import io.workspacebackend.model.files.Problem;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class FileServerTest {

  @TempDir Path temp;
  private Path workspace;
  private FileServer server;
  private FileServerClient client;

  @BeforeEach
  void start() throws IOException {
    workspace = Files.createDirectory(temp.resolve("workspace"));
    server =
        FileServer.start(
            new FileServerSettings("127.0.0.1", 0, workspace, SECRET, Optional.empty()));
    client = new FileServerClient(server.port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    // Links to /etc are removed here so that JUnit's clean-up need not warn about them.
    try (var files = Files.walk(workspace)) {
      for (var link : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }

  private Path write(String relative, String content) throws IOException {
    var file = workspace.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }

  @Nested
  class Tree {

    @Test
    void listsTheWorkspaceOneLevelDeepByDefaultDirectoriesFirst() throws Exception {
      write("b.txt", "bee");
      write("a/inner.txt", "x");
      var modified = Instant.parse("2025-05-20T10:15:30.123Z");
      Files.setLastModifiedTime(workspace.resolve("b.txt"), FileTime.from(modified));

      var response = client.get("/tree");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(response.body()).contains("\"modified\":\"2025-05-20T10:15:30.123Z\"");
      var root = client.entry(response);
      assertThat(root.path()).isEmpty();
      assertThat(root.type()).isEqualTo(EntryType.DIR);
      assertThat(root.children())
          .containsExactly(
              new FileEntry("a", "a", EntryType.DIR, 0, root.children().get(0).modified(), null),
              new FileEntry("b.txt", "b.txt", EntryType.FILE, 3, modified, null));
    }

    @Test
    void listsDeeperLevelsOnlyAsFarAsTheDepthAsks() throws Exception {
      write("a/b/c/deep.txt", "x");

      var two = client.entry(client.get("/tree?path=a&depth=2"));
      var zero = client.entry(client.get("/tree?path=a&depth=0"));

      assertThat(two.children())
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.path()).isEqualTo("a/b");
                assertThat(b.children())
                    .singleElement()
                    .satisfies(
                        c -> {
                          assertThat(c.path()).isEqualTo("a/b/c");
                          assertThat(c.children()).isNull();
                        });
              });
      assertThat(zero.children()).isNull();
    }

    @Test
    void treeOfAFileIsThatFilesEntry() throws Exception {
      write("notes.md", "hello");

      var entry = client.entry(client.get("/tree?path=notes.md"));

      assertThat(entry.name()).isEqualTo("notes.md");
      assertThat(entry.size()).isEqualTo(5);
      assertThat(entry.children()).isNull();
    }

    @Test
    void dotFilesAreListedOnlyWithHiddenTrue() throws Exception {
      write(".env", "x");
      write(".git/config", "x");
      write("visible.txt", "x");

      var plain = client.entry(client.get("/tree"));
      var hidden = client.entry(client.get("/tree?hidden=true"));

      assertThat(plain.children()).extracting(FileEntry::name).containsExactly("visible.txt");
      assertThat(hidden.children())
          .extracting(FileEntry::name)
          .containsExactly(".git", ".env", "visible.txt");
    }

    @Test
    void linksInsideTheWorkspaceAreListedAndLinksLeadingOutAreNot() throws Exception {
      write("docs/readme.md", "x");
      Files.createSymbolicLink(workspace.resolve("docs-link"), workspace.resolve("docs"));
      Files.createSymbolicLink(workspace.resolve("etc-link"), Path.of("/etc"));
      Files.createSymbolicLink(workspace.resolve("nowhere-link"), workspace.resolve("missing"));

      var root = client.entry(client.get("/tree"));

      assertThat(root.children()).extracting(FileEntry::name).containsExactly("docs", "docs-link");
    }

    @Test
    void aMissingPathIs404AndABadDepthIs400() throws Exception {
      assertProblem(client.get("/tree?path=missing"), 404);
      assertProblem(client.get("/tree?depth=-1"), 400);
      assertProblem(client.get("/tree?depth=99"), 400);
      assertProblem(client.get("/tree?depth=one"), 400);
    }
  }

  @Nested
  class Download {

    @Test
    void servesTheBytesWithAContentTypeFromTheName() throws Exception {
      write("src/App.java", "class App {}");
      write("data.json", "{}");

      var java = client.get("/file?path=src/App.java");
      var json = client.get("/file?path=data.json");

      assertThat(java.statusCode()).isEqualTo(200);
      assertThat(java.body()).isEqualTo("class App {}");
      assertThat(java.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
      assertThat(java.headers().firstValue("Accept-Ranges")).contains("bytes");
      assertThat(java.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void anEmptyFileIsAnEmpty200() throws Exception {
      write("empty.txt", "");

      var response = client.get("/file?path=empty.txt");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEmpty();
    }

    @Test
    void aRangeGets206WithContentRange() throws Exception {
      write("digits.txt", "0123456789");

      var first = client.send(client.request("/file?path=digits.txt").header("Range", "bytes=2-4"));
      var open = client.send(client.request("/file?path=digits.txt").header("Range", "bytes=7-"));
      var suffix = client.send(client.request("/file?path=digits.txt").header("Range", "bytes=-3"));
      var beyond =
          client.send(client.request("/file?path=digits.txt").header("Range", "bytes=8-99"));

      assertThat(first.statusCode()).isEqualTo(206);
      assertThat(first.body()).isEqualTo("234");
      assertThat(first.headers().firstValue("Content-Range")).contains("bytes 2-4/10");
      assertThat(open.body()).isEqualTo("789");
      assertThat(suffix.body()).isEqualTo("789");
      assertThat(suffix.headers().firstValue("Content-Range")).contains("bytes 7-9/10");
      assertThat(beyond.body()).isEqualTo("89");
    }

    @Test
    void aRangeStartingPastTheEndGets416() throws Exception {
      write("digits.txt", "0123456789");

      var response =
          client.send(client.request("/file?path=digits.txt").header("Range", "bytes=10-"));

      assertProblem(response, 416);
      assertThat(response.headers().firstValue("Content-Range")).contains("bytes */10");
    }

    @Test
    void severalRangesOrAMalformedOneGetTheWholeFile() throws Exception {
      write("digits.txt", "0123456789");

      var several =
          client.send(client.request("/file?path=digits.txt").header("Range", "bytes=0-1,4-5"));
      var malformed =
          client.send(client.request("/file?path=digits.txt").header("Range", "lines=1-2"));

      assertThat(several.statusCode()).isEqualTo(200);
      assertThat(several.body()).isEqualTo("0123456789");
      assertThat(malformed.statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersTheLengthWithoutTheBody() throws Exception {
      write("digits.txt", "0123456789");

      var response =
          client.send(
              client
                  .request("/file?path=digits.txt")
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Length")).contains("10");
      assertThat(response.body()).isEmpty();
    }

    @Test
    void aMissingFileIs404AndADirectoryIs400() throws Exception {
      Files.createDirectory(workspace.resolve("dir"));

      assertProblem(client.get("/file?path=missing.txt"), 404);
      assertProblem(client.get("/file?path=dir"), 400);
      assertProblem(client.get("/file"), 400);
    }
  }

  @Nested
  class Write {

    @Test
    void putCreatesTheFileAndItsParentsWith201() throws Exception {
      var response = client.put("/file?path=new/dir/hello.txt", "hello");

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(client.entry(response).path()).isEqualTo("new/dir/hello.txt");
      assertThat(workspace.resolve("new/dir/hello.txt")).hasContent("hello");
    }

    @Test
    void putReplacesAnExistingFileWith204KeepingItsPermissions() throws Exception {
      var script = write("run.sh", "old");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

      var response = client.put("/file?path=run.sh", "new");

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(script).hasContent("new");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
          .isEqualTo("rwxr-x---");
      assertThat(workspace.toFile().list()).containsExactly("run.sh");
    }

    @Test
    void putOntoADirectoryOrBelowAFileIs409() throws Exception {
      Files.createDirectory(workspace.resolve("dir"));
      write("file.txt", "x");

      assertProblem(client.put("/file?path=dir", "x"), 409);
      assertProblem(client.put("/file?path=file.txt/child.txt", "x"), 409);
    }

    @Test
    void putWithAChunkedBodyOfUnknownLengthWritesItAll() throws Exception {
      var publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(100_000));

      var response = client.send(client.request("/file?path=chunked.txt").PUT(publisher));

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(Files.size(workspace.resolve("chunked.txt"))).isEqualTo(100_000);
    }
  }

  @Nested
  class Upload {

    @Test
    void storesEveryFilePartInTheDirectoryAndAnswersTheirEntries() throws Exception {
      var body =
          new Multipart()
              .field("comment", "ignored")
              .file("a.txt", "alpha")
              .file("b.bin", new byte[] {0, '\r', '\n', '-', '-', 1})
              .build();

      var response =
          client.send(
              client
                  .request("/upload?path=incoming")
                  .header("Content-Type", Multipart.CONTENT_TYPE)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      assertThat(client.entries(response))
          .extracting(FileEntry::path, FileEntry::size)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("incoming/a.txt", 5L),
              org.assertj.core.groups.Tuple.tuple("incoming/b.bin", 6L));
      assertThat(workspace.resolve("incoming/a.txt")).hasContent("alpha");
      assertThat(workspace.resolve("incoming/b.bin"))
          .hasBinaryContent(new byte[] {0, '\r', '\n', '-', '-', 1});
    }

    @Test
    void aFileNameWithDirectoriesKeepsOnlyItsLastSegment() throws Exception {
      var body =
          new Multipart().file("../../escape.txt", "x").file("C:\\Users\\me\\win.txt", "y").build();

      var response =
          client.send(
              client
                  .request("/upload")
                  .header("Content-Type", Multipart.CONTENT_TYPE)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      assertThat(workspace.resolve("escape.txt")).hasContent("x");
      assertThat(workspace.resolve("win.txt")).hasContent("y");
      assertThat(temp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void anUploadWithoutFilesOrNotMultipartIsRefused() throws Exception {
      var fieldsOnly = new Multipart().field("a", "b").build();

      assertProblem(
          client.send(
              client
                  .request("/upload")
                  .header("Content-Type", Multipart.CONTENT_TYPE)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(fieldsOnly))),
          400);
      assertProblem(
          client.send(
              client
                  .request("/upload")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))),
          415);
      assertProblem(
          client.send(
              client
                  .request("/upload")
                  .header("Content-Type", Multipart.CONTENT_TYPE)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "--"
                              + Multipart.BOUNDARY
                              + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"cut.txt\"\r\n\r\nno end"))),
          400);
      assertThat(workspace.resolve("cut.txt")).doesNotExist();
    }
  }

  @Nested
  class Mkdir {

    @Test
    void createsTheDirectoryAndItsParentsWith201() throws Exception {
      var response = client.post("/mkdir?path=a/b/c");

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(client.entry(response).type()).isEqualTo(EntryType.DIR);
      assertThat(workspace.resolve("a/b/c")).isDirectory();
    }

    @Test
    void anExistingPathIs409() throws Exception {
      write("file.txt", "x");

      assertProblem(client.post("/mkdir?path=file.txt"), 409);
      assertProblem(client.post("/mkdir?path=file.txt/sub"), 409);
    }
  }

  @Nested
  class Move {

    @Test
    void renamesAFileIntoANewDirectoryWith204() throws Exception {
      write("a.txt", "content");

      var response = client.post("/move?from=a.txt&to=archive/b.txt");

      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(workspace.resolve("a.txt")).doesNotExist();
      assertThat(workspace.resolve("archive/b.txt")).hasContent("content");
    }

    @Test
    void anExistingTargetIs409AndNothingMoves() throws Exception {
      write("a.txt", "a");
      write("b.txt", "b");

      assertProblem(client.post("/move?from=a.txt&to=b.txt"), 409);
      assertThat(workspace.resolve("b.txt")).hasContent("b");
      assertThat(workspace.resolve("a.txt")).hasContent("a");
    }

    @Test
    void aMissingSourceIs404AndMovingIntoItselfIs400() throws Exception {
      Files.createDirectory(workspace.resolve("dir"));

      assertProblem(client.post("/move?from=missing&to=x"), 404);
      assertProblem(client.post("/move?from=dir&to=dir/inside"), 400);
      assertProblem(client.post("/move?from=dir"), 400);
    }
  }

  @Nested
  class Delete {

    @Test
    void removesAFileOrAnEmptyDirectoryWith204() throws Exception {
      write("a.txt", "x");
      Files.createDirectory(workspace.resolve("empty"));

      assertThat(client.delete("/file?path=a.txt").statusCode()).isEqualTo(204);
      assertThat(client.delete("/file?path=empty").statusCode()).isEqualTo(204);
      assertThat(workspace.toFile().list()).isEmpty();
    }

    @Test
    void aNonEmptyDirectoryNeedsRecursive() throws Exception {
      write("dir/sub/file.txt", "x");

      assertProblem(client.delete("/file?path=dir"), 409);
      assertThat(client.delete("/file?path=dir&recursive=true").statusCode()).isEqualTo(204);
      assertThat(workspace.resolve("dir")).doesNotExist();
    }

    @Test
    void recursiveDeleteRemovesLinksWithoutFollowingThem() throws Exception {
      var kept = write("kept/precious.txt", "keep me");
      Files.createDirectory(workspace.resolve("dir"));
      Files.createSymbolicLink(workspace.resolve("dir/link"), workspace.resolve("kept"));

      assertThat(client.delete("/file?path=dir&recursive=true").statusCode()).isEqualTo(204);
      assertThat(kept).hasContent("keep me");
    }

    @Test
    void theWorkspaceItselfCannotBeDeletedAndMissingIs404() throws Exception {
      assertProblem(client.delete("/file?path=."), 400);
      assertProblem(client.delete("/file?path=&recursive=true"), 400);
      assertProblem(client.delete("/file?path=missing"), 404);
      assertThat(workspace).isDirectory();
    }
  }

  @Nested
  class Authentication {

    static Stream<Arguments> everyEndpoint() {
      return Stream.of(
          Arguments.of("GET", "/tree"),
          Arguments.of("GET", "/file?path=a.txt"),
          Arguments.of("HEAD", "/file?path=a.txt"),
          Arguments.of("PUT", "/file?path=a.txt"),
          Arguments.of("DELETE", "/file?path=a.txt"),
          Arguments.of("POST", "/upload"),
          Arguments.of("POST", "/mkdir?path=d"),
          Arguments.of("POST", "/move?from=a.txt&to=b.txt"),
          Arguments.of("GET", "/no-such-endpoint"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void everyRequestWithoutTheSecretIs401AndChangesNothing(String method, String target)
        throws Exception {
      write("a.txt", "a");
      for (var authorization :
          new String[] {
            null, "Bearer wrong", "Bearer " + SECRET + "x", "Basic " + SECRET, "Bearer "
          }) {
        var request =
            client.anonymous(target).method(method, HttpRequest.BodyPublishers.ofString("x"));
        if (authorization != null) {
          request.header("Authorization", authorization);
        }

        var response = client.send(request);

        assertThat(response.statusCode()).as(authorization).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        if (!method.equals("HEAD")) {
          assertThat(client.problem(response).status()).isEqualTo(401);
        }
      }
      assertThat(workspace.resolve("a.txt")).hasContent("a");
      assertThat(workspace.toFile().list()).containsExactly("a.txt");
    }

    @Test
    void anUnknownEndpointIs404AndAWrongMethodIs405() throws Exception {
      assertProblem(client.get("/nothing"), 404);
      var wrongMethod = client.post("/tree");
      assertProblem(wrongMethod, 405);
      assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void aProblemBodyHasTypeTitleStatusAndDetail() throws Exception {
      var problem = client.problem(client.get("/file?path=missing.txt"));

      assertThat(problem)
          .isEqualTo(new Problem("about:blank", "Not Found", 404, "no such file: missing.txt"));
    }
  }

  @Nested
  class Traversal {

    private static final String OUTSIDE_CONTENT = "content that must stay private 42";

    @BeforeEach
    void plantTargets() throws IOException {
      Files.writeString(temp.resolve("outside.txt"), OUTSIDE_CONTENT);
      Files.createDirectory(temp.resolve("outside-dir"));
      Files.createSymbolicLink(workspace.resolve("etc-link"), Path.of("/etc"));
      Files.createSymbolicLink(workspace.resolve("out-link"), temp.resolve("outside-dir"));
      Files.createSymbolicLink(workspace.resolve("outside-file-link"), temp.resolve("outside.txt"));
      write("inside.txt", "inside");
    }

    /** Raw query values, sent exactly as spelled. */
    static Stream<String> escapes() {
      return Stream.of(
          "../outside.txt",
          "a/../../outside.txt",
          "%2e%2e/outside.txt",
          "%2E%2E%2Foutside.txt",
          "..%2foutside.txt",
          "%252e%252e%252foutside.txt",
          "%252E%252E/outside.txt",
          "..%5Coutside.txt",
          "%5C..%5Coutside.txt",
          "%2Fetc%2Fpasswd",
          "/etc/passwd",
          "//etc/passwd",
          "etc-link/passwd",
          "etc-link",
          "out-link/new.txt",
          "outside-file-link",
          "%2e%2e",
          "%c0%ae%c0%ae/outside.txt",
          "%c0%ae",
          "%e0%80%ae%e0%80%ae%2foutside.txt",
          "..");
    }

    static Stream<Arguments> everyEndpointWithEveryEscape() {
      return escapes()
          .flatMap(
              p ->
                  Stream.of(
                      Arguments.of("GET", "/tree?path=" + p),
                      Arguments.of("GET", "/file?path=" + p),
                      Arguments.of("PUT", "/file?path=" + p),
                      Arguments.of("DELETE", "/file?path=" + p + "&recursive=true"),
                      Arguments.of("POST", "/mkdir?path=" + p),
                      Arguments.of("POST", "/move?from=inside.txt&to=" + p),
                      Arguments.of("POST", "/move?from=" + p + "&to=moved.txt"),
                      Arguments.of("POST", "/upload?path=" + p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpointWithEveryEscape")
    void everyPathLeadingOutsideIs400AndTouchesNothing(String method, String target)
        throws Exception {
      var response =
          client.send(
              client
                  .request(target)
                  .header("Content-Type", Multipart.CONTENT_TYPE)
                  .method(
                      method,
                      HttpRequest.BodyPublishers.ofByteArray(
                          new Multipart().file("f.txt", "f").build())));

      assertProblem(response, 400);
      assertThat(response.body()).doesNotContain(OUTSIDE_CONTENT, "root:");
      assertThat(temp.resolve("outside.txt")).hasContent(OUTSIDE_CONTENT);
      assertThat(temp.resolve("outside-dir").toFile().list()).isEmpty();
      assertThat(workspace.resolve("inside.txt")).hasContent("inside");
      assertThat(workspace.resolve("moved.txt")).doesNotExist();
      try (var outside = Files.list(temp)) {
        assertThat(outside.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("workspace", "outside.txt", "outside-dir");
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../inside.txt", "%2Finside.txt", "inside.txt%00"})
    void dotDotAbsoluteAndNulAreRefusedEvenWhenTheyWouldLandInside(String raw) throws Exception {
      assertProblem(client.get("/file?path=" + raw), 400);
    }

    @Test
    void dotSegmentsAndRepeatedSlashesAreHarmless() throws Exception {
      assertThat(client.get("/file?path=./inside.txt").body()).isEqualTo("inside");
      assertThat(client.get("/file?path=.%2F%2Finside.txt").body()).isEqualTo("inside");
    }

    @Test
    void aLinkThatStaysInsideTheWorkspaceCanBeUsed() throws Exception {
      write("docs/readme.md", "readme");
      Files.createSymbolicLink(workspace.resolve("docs-link"), Path.of("docs"));

      assertThat(client.get("/file?path=docs-link/readme.md").body()).isEqualTo("readme");
      assertThat(client.put("/file?path=docs-link/new.md", "new").statusCode()).isEqualTo(201);
      assertThat(workspace.resolve("docs/new.md")).hasContent("new");
    }

    @Test
    void aLinkLeadingOutsideCanBeNeitherReadNorDeleted() throws Exception {
      assertProblem(client.get("/file?path=outside-file-link"), 400);
      assertProblem(client.delete("/file?path=outside-file-link"), 400);
      assertThat(workspace.resolve("outside-file-link")).isSymbolicLink();
    }
  }
}
