/**
 * Cross-origin resource sharing ({@code [cors]}): which other web origins' pages may call the API
 * (REST, CometD long-polling, pages) from a browser, answered by one servlet filter. Off unless
 * origins are listed. Nothing else uses this package; its settings are built with the
 * configuration.
 */
package org.opengms.cors;
