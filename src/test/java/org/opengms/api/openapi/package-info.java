/**
 * Tests that the REST API description ({@code /genesys/openapi.json}) is true to the deployed
 * server, and that its Swagger UI page ({@code /genesys/api/}) shows it.
 */
package org.opengms.api.openapi;
