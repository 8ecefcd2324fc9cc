/**
 * Pattern Matcher API ({@code /1/patterns}, {@code /1/patterns/group/<group>}): named
 * regular-expression groups from {@code [patterns]} and {@code [patterns.<group>]}, matched with a
 * deadline per value ({@code [server] pattern_match_timeout_ms}) so a hostile pattern or input
 * cannot hold a thread. {@code calendar} uses the catalog for callbacks' {@code _exceptions}.
 */
package org.opengms.patterns;
