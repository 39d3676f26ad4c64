package io.workspacebackend.config;

import java.nio.file.Path;

/**
 * Where a raw value came from: named in error messages, and the directory relative paths in it are
 * resolved against.
 */
record Origin(String description, Path baseDir) {}
