package org.opengms.api.error;

/** The {@code exception} value of error bodies: a type's {@link WireName}. */
public final class WireNames {

  private WireNames() {}

  /** {@code type}'s wire name; a type without one (never one of ours) by its qualified name. */
  public static String of(Class<?> type) {
    WireName name = type.getAnnotation(WireName.class);
    return name != null ? name.value() : type.getName();
  }
}
