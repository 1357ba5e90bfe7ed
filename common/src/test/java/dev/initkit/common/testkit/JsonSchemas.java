package dev.initkit.common.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Checks JSON text against the schemas that initkit ships and documents. */
public final class JsonSchemas {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonSchemas() {}

  public static final String LOG_V1 = "/dev/initkit/common/schema/log-v1.schema.json";
  public static final String REPORT_V1 = "/dev/initkit/common/schema/report-v1.schema.json";

  /** Parses {@code json} (failing on bad JSON) and asserts it matches the schema resource. */
  public static JsonNode assertValid(String schemaResource, String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
    Set<ValidationMessage> problems = schema(schemaResource).validate(node);
    assertThat(problems).as("schema problems of %s", json).isEmpty();
    return node;
  }

  private static JsonSchema schema(String resource) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
