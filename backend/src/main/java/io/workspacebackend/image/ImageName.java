package io.workspacebackend.image;

/** An image reference split into repository and tag ({@code latest} when none is given). */
record ImageName(String repository, String tag) {
  static ImageName parse(String reference) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    // A colon before the last slash belongs to a registry's port, not to a tag.
    if (colon > slash) {
      return new ImageName(reference.substring(0, colon), reference.substring(colon + 1));
    }
    return new ImageName(reference, "latest");
  }

  @Override
  public String toString() {
    return repository + ":" + tag;
  }
}
