/**
 * The INI configuration: parsing with {@code file:line} refusals, typed settings built once per
 * version, reload on change (a broken change is refused, the last good version stays), and {@code
 * $token$} overrides. Features read their options through {@link
 * org.opengms.config.ConfigurationProvider}.
 */
package org.opengms.config;
