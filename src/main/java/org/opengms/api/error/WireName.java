package org.opengms.api.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code exception} an error body names for this exception type: the qualified name the type
 * had when clients first saw it (DECISIONS.md: "the qualified name of our exception type"), fixed
 * here so the class can move or be renamed without changing what clients match on. Every {@link
 * GmsException} type carries one (WireNamesTest).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireName {
  String value();
}
