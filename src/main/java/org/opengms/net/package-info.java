/** Address ranges shared by the outbound allow-list and the internal-network checks. */
package org.opengms.net;
