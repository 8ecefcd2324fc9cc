/**
 * Cross-origin resource sharing ({@code [cors]}): which other web origins' pages may call the API
 * from a browser. Off unless origins are listed.
 */
package org.opengms.cors;
