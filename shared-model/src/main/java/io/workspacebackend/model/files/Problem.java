package io.workspacebackend.model.files;

/**
 * The {@code application/problem+json} body (RFC 9457) of every error the file server answers.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the short, fixed summary of the status
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 */
public record Problem(String type, String title, int status, String detail) {

  /** The media type of a problem body. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
