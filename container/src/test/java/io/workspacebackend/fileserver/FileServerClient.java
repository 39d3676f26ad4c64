package io.workspacebackend.fileserver;

import io.workspacebackend.model.files.FileEntry;
import io.workspacebackend.model.files.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A test's HTTP view of a running file server: raw requests, and their bodies as records. */
final class FileServerClient {

  static final String SECRET = "test-secret-5b0c2a";

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final URI base;

  FileServerClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** A request to {@code pathAndRawQuery}, sent exactly as spelled, with the secret. */
  HttpRequest.Builder request(String pathAndRawQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndRawQuery))
        .header("Authorization", "Bearer " + SECRET);
  }

  HttpRequest.Builder anonymous(String pathAndRawQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndRawQuery));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return http.send(request.build(), handler);
  }

  HttpResponse<String> get(String pathAndRawQuery) throws IOException, InterruptedException {
    return send(request(pathAndRawQuery).GET());
  }

  HttpResponse<String> post(String pathAndRawQuery) throws IOException, InterruptedException {
    return send(request(pathAndRawQuery).POST(HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<String> put(String pathAndRawQuery, String body)
      throws IOException, InterruptedException {
    return send(request(pathAndRawQuery).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String pathAndRawQuery) throws IOException, InterruptedException {
    return send(request(pathAndRawQuery).DELETE());
  }

  FileEntry entry(HttpResponse<String> response) {
    return json.readValue(response.body(), FileEntry.class);
  }

  List<FileEntry> entries(HttpResponse<String> response) {
    return json.readValue(response.body(), new TypeReference<List<FileEntry>>() {});
  }

  Problem problem(HttpResponse<String> response) {
    return json.readValue(response.body(), Problem.class);
  }
}
