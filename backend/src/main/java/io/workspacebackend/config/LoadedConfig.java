package io.workspacebackend.config;

import java.nio.file.Path;

/**
 * A loaded configuration and the file it was read from, or would have been read from when {@code
 * configFileExists} is false.
 */
public record LoadedConfig(WorkspaceConfig config, Path configFile, boolean configFileExists) {}
