/**
 * The versioned database schema: Flyway migrations under {@code db/migration/} (one baseline per
 * database, later ones shared where the SQL is the same), run once at deploy by {@link
 * org.opengms.persistence.schema.SchemaMigration} before anything uses the entity manager. The
 * migrations are listed in {@link org.opengms.persistence.schema.Migrations} and handed to Flyway
 * by our own resource provider, so nothing depends on how a server lays out the WAR's classpath.
 * See docs/schema.md.
 */
package org.opengms.persistence.schema;
