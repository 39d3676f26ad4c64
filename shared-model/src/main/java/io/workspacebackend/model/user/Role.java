package io.workspacebackend.model.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a user may do: an admin also manages users and invite codes. */
public enum Role {
  @JsonProperty("admin")
  ADMIN,
  @JsonProperty("user")
  USER;

  /** The name used in JSON, the database and the CLI: {@code admin} or {@code user}. */
  public String wireName() {
    return this == ADMIN ? "admin" : "user";
  }
}
