package io.workspacebackend.config;

/** The resolved value of each setting, and the platform directories derived defaults use. */
interface SettingValues {
  <T> T get(Setting<T> setting);

  PlatformDirs dirs();
}
