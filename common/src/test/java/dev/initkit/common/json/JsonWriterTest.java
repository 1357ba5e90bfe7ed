package dev.initkit.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesNestedValuesThatAJsonParserReadsBack() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 line sep \u2028 é 😀");
    value.put("int", 42);
    value.put("long", 1L << 40);
    value.put("double", 2.5);
    value.put("nan", Double.NaN);
    value.put("flag", true);
    value.put("none", null);
    value.put("list", Arrays.asList(1, "two", null));
    value.put("map", Map.of("k", "v"));

    JsonNode node = mapper.readTree(JsonWriter.write(value));

    assertThat(node.get("text").asText()).isEqualTo(value.get("text"));
    assertThat(node.get("int").asInt()).isEqualTo(42);
    assertThat(node.get("long").asLong()).isEqualTo(1L << 40);
    assertThat(node.get("double").asDouble()).isEqualTo(2.5);
    assertThat(node.get("nan").isNull()).isTrue();
    assertThat(node.get("flag").asBoolean()).isTrue();
    assertThat(node.get("none").isNull()).isTrue();
    assertThat(node.get("list")).hasSize(3);
    assertThat(node.get("map").get("k").asText()).isEqualTo("v");
  }

  @Test
  void keepsMapOrder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", 1);
    value.put("a", List.of());

    assertThat(JsonWriter.write(value)).isEqualTo("{\"b\":1,\"a\":[]}");
  }
}
