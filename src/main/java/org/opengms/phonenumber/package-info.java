/**
 * Phone number API ({@code /1/phonenumber}) and checks (libphonenumber): parse, validate, classify
 * and format numbers. {@code calendar} uses {@link org.opengms.phonenumber.PhoneNumbers} for
 * callbacks' customer numbers ({@code _default_country}, {@code _disallow_*_phone_numbers}).
 */
package org.opengms.phonenumber;
