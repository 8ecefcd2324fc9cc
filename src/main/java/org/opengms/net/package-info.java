/**
 * Address ranges ({@link org.opengms.net.AddressRange}: CIDR blocks and single addresses, IPv4 and
 * IPv6) shared by the outbound allow-list ({@code [push] outbound_allow}) and the internal-network
 * check of the Stat Server API ({@code [statistics] internal_networks}). Depends on nothing; any
 * package may use it.
 */
package org.opengms.net;
