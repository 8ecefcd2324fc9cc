/**
 * Phone number API and checks (libphonenumber): parse, validate and format numbers, used by
 * callbacks for their customer numbers.
 */
package org.opengms.phonenumber;
