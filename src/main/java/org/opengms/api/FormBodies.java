package org.opengms.api;

import org.opengms.api.error.UnsupportedMediaTypeException;

/**
 * The entity of a form method ({@code @Consumes} URL-encoded or multipart). A POST with neither a
 * Content-Type nor a body: RESTEasy (WildFly) refuses it with 415 before choosing a method, Jersey
 * (Payara) may choose a form method and pass it a {@code null} entity. Where a form is required,
 * {@link #required} turns that {@code null} into the same 415 on both servers.
 */
public final class FormBodies {

  private FormBodies() {}

  /** The form, or 415 when the request had none. */
  public static <T> T required(T body) {
    if (body == null) {
      throw new UnsupportedMediaTypeException(
          "Body must be application/x-www-form-urlencoded or multipart/form-data");
    }
    return body;
  }
}
