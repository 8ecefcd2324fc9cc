/**
 * Users, roles and passwords from the configuration (PBKDF2, verified checks remembered), the HTTP
 * Basic filter behind {@code @Secured}, and per-service credentials. Features protect resources
 * with {@link org.opengms.security.Secured}; they never parse credentials themselves.
 */
package org.opengms.security;
