/**
 * TTL expiry: one sweeper timer that asks every feature's {@link org.opengms.expiry.ExpiringData}
 * for expired items in bounded batches. A feature with a TTL implements that interface; it never
 * runs a timer of its own for expiry.
 */
package org.opengms.expiry;
