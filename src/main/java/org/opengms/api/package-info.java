/**
 * What every resource shares: form and multipart body readers and their limits ({@link
 * org.opengms.api.FormLimits}), query parameter checks with one message style ({@link
 * org.opengms.api.RequestParams}), request size limits, no-cache headers, absolute public URLs and
 * the one JSON-B engine. Any feature may use these helpers; they know no feature (the applications
 * that list the resources are in {@code app}).
 */
package org.opengms.api;
