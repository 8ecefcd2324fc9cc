package org.opengms.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The description as the WAR ships it parses as OpenAPI 3.1 without a message from a real parser
 * (unknown fields, bad references, wrong types), before any server runs.
 */
class OpenApiDescriptionTest {

  @Test
  void shouldParseAsOpenApi31WithoutMessages() throws IOException {
    String json = Files.readString(Path.of("src/main/webapp/openapi.json"));
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    assertEquals(List.of(), result.getMessages());
    OpenAPI api = result.getOpenAPI();
    assertNotNull(api);
    assertEquals(SpecVersion.V31, api.getSpecVersion());
    assertEquals(
        76, api.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum());
  }
}
