/**
 * The database: the datasource the application defines itself (H2 embedded or PostgreSQL, chosen by
 * {@code gms.db.*}/{@code GMS_DB_*}), the data directory, and the JTA platform Hibernate needs on
 * both servers. Features use JPA; none of them opens connections itself.
 */
package org.opengms.persistence;
