package io.workspacebackend.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The source checkout an image is built from: where its Dockerfile is, which base image it starts
 * from, and a hash of every file the build reads, so an image built from the same sources can be
 * reused.
 */
public record ImageSources(Path root) {
  static final String DOCKERFILE = "container/Dockerfile";
  private static final Pattern BASE_IMAGE_ARG = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)\\s*$");

  /** The files and directories the Dockerfile copies (kept in step with .dockerignore). */
  private static final List<String> INPUTS =
      List.of(
          ".dockerignore",
          "pom.xml",
          ".mvn",
          "backend/pom.xml",
          "desktop-console/pom.xml",
          "shared-model/pom.xml",
          "shared-model/src/main",
          "container/pom.xml",
          "container/src/main",
          "container/Dockerfile",
          "container/entrypoint.sh");

  /**
   * Finds the checkout: {@code explicit} if given, else the working directory, else the
   * installation the command runs from (null when unknown).
   */
  public static ImageSources locate(Path explicit, Path workingDirectory, Path installation)
      throws ImageBuildException {
    List<Path> tried = new ArrayList<>();
    if (explicit != null) {
      tried.add(explicit);
    } else {
      tried.add(workingDirectory);
      if (installation != null) {
        tried.add(installation);
      }
    }
    for (Path candidate : tried) {
      if (Files.isRegularFile(candidate.resolve(DOCKERFILE))) {
        return new ImageSources(candidate.toAbsolutePath().normalize());
      }
    }
    throw new ImageBuildException(
        "no "
            + DOCKERFILE
            + " in "
            + tried
            + "; run this in a source checkout or pass --source DIR");
  }

  public Path dockerfile() {
    return root.resolve(DOCKERFILE);
  }

  /** The image the Dockerfile's stages start from ({@code ARG BASE_IMAGE=...}). */
  public String baseImage() throws ImageBuildException {
    try {
      Matcher matcher = BASE_IMAGE_ARG.matcher(Files.readString(dockerfile()));
      if (matcher.find()) {
        return matcher.group(1);
      }
      throw new ImageBuildException(dockerfile() + " declares no ARG BASE_IMAGE=<image>");
    } catch (IOException e) {
      throw new ImageBuildException("cannot read " + dockerfile() + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 over the relative paths and contents of every input, in a stable order. */
  public String contentHash() {
    MessageDigest digest = sha256();
    for (Path file : inputFiles()) {
      digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /** Every file the build reads from the checkout, in a stable order. */
  public List<Path> inputFiles() {
    List<Path> files = new ArrayList<>();
    for (String input : INPUTS) {
      Path path = root.resolve(input);
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
