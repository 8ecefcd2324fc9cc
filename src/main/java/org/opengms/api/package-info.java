/**
 * The JAX-RS application and what every resource shares: form and multipart body readers, request
 * size limits, no-cache headers, absolute public URLs and the one JSON-B engine. Any feature may
 * use these helpers; they know nothing about features.
 */
package org.opengms.api;
