package io.workspacebackend.db;

import java.nio.file.Path;

/** Where the database lives and how many connections the server keeps to it. */
public record DatabaseSettings(Path file, int poolSize) {}
