/**
 * Pattern Matcher API: named regular-expression groups from {@code [patterns]}, matched with a
 * deadline per value so a hostile pattern or input cannot hold a thread.
 */
package org.opengms.patterns;
