package io.workspacebackend.model.files;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a workspace entry is, as the file server reports it. */
public enum EntryType {
  @JsonProperty("file")
  FILE,
  @JsonProperty("dir")
  DIR
}
