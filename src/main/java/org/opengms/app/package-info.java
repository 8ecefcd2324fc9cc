/**
 * The composition root: the two JAX-RS applications ({@code /genesys/1}, {@code /genesys/2}) that
 * list every feature's resources, and the providers (filters, error mappers, JSON) they share.
 * Nothing else imports this package; it may import any feature.
 */
package org.opengms.app;
