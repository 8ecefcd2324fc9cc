/**
 * The INI configuration: parsing with {@code file:line} refusals, one immutable version holding
 * every feature's typed settings, built at load, reload on change (a broken change is refused, the
 * last good version stays), {@code $token$} overrides, and {@link org.opengms.config.KnownOptions}
 * (every option the server reads; a misspelt option of a closed section is warned about at load).
 * It knows no feature: each registers its settings as a {@link org.opengms.config.SettingsSection}
 * ({@code META-INF/services}); code reads them with {@code ConfigurationProvider.current().get(
 * XSettings.class)} (one version per request) and parses values with {@link
 * org.opengms.config.OptionValues}.
 */
package org.opengms.config;
