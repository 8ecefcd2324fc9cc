/** The server clock that business-time engines read, movable by admins in test installations. */
package org.opengms.time;
