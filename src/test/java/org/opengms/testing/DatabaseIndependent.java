package org.opengms.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test whose outcome cannot depend on the database: browser pages over APIs
 * tested elsewhere, the CometD transports, HTTP headers, configuration. CI runs them on H2 only and
 * leaves them out of the PostgreSQL run ({@code -DexcludedGroups=database-independent}) to keep the
 * run short; every other integration test runs on both databases.
 */
@Tag("database-independent")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseIndependent {}
