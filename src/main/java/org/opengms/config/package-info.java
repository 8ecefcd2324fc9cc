/**
 * The INI configuration: parsing with {@code file:line} refusals, typed settings built once per
 * version, reload on change (a broken change is refused, the last good version stays), {@code
 * $token$} overrides, and {@link org.opengms.config.KnownOptions} (every option the server reads; a
 * misspelt option of a closed section is warned about at load). Features read their options through
 * {@link org.opengms.config.ConfigurationProvider} (one version per request) and parse values with
 * {@link org.opengms.config.OptionValues}.
 */
package org.opengms.config;
