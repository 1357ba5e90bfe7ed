package dev.initkit.k8sexamples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Strict validation of manifests against the Kubernetes API that fabric8's model describes ({@link
 * #VERSION}): every object must be a kind we know, every field a field of that kind's schema (the
 * model keeps unknown ones aside as "additional properties", which we refuse), and every value of
 * the schema's type, with none of Jackson's lenient coercions ({@code "1000"} for an integer,
 * {@code 5} for a string), which the API server refuses too.
 */
final class KubernetesApi {
  /** The Kubernetes API version that fabric8 kubernetes-model 7.5.2 models. */
  static final String VERSION = "1.34";

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/Pod", Pod.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class);

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper STRICT = strictMapper();

  private KubernetesApi() {}

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    for (LogicalType type : LogicalType.values()) {
      for (CoercionInputShape shape :
          List.of(
              CoercionInputShape.Integer,
              CoercionInputShape.Float,
              CoercionInputShape.Boolean,
              CoercionInputShape.String,
              CoercionInputShape.EmptyString)) {
        mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
      }
    }
    // Integers are valid numbers where the schema says number.
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    return mapper;
  }

  /** The documents of a YAML stream, empty ones left out. */
  static List<JsonNode> documents(String yaml) {
    try (var parser = new YAMLFactory().createParser(yaml)) {
      List<JsonNode> docs = new ArrayList<>();
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one object strictly; throws {@link InvalidObjectException} naming what is wrong. */
  static HasMetadata read(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    String kind = doc.path("kind").asText();
    String name = doc.path("metadata").path("name").asText("(no name)");
    String where = apiVersion + " " + kind + " " + name;
    Class<? extends HasMetadata> type = KINDS.get(apiVersion + "/" + kind);
    if (type == null) {
      throw new InvalidObjectException(where + ": not a kind these examples may use");
    }
    HasMetadata object;
    try {
      object = STRICT.treeToValue(doc, type);
    } catch (IOException e) {
      throw new InvalidObjectException(
          where + ": wrong type at " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    List<String> unknown = new ArrayList<>();
    unknownFields(object, "", unknown);
    if (!unknown.isEmpty()) {
      throw new InvalidObjectException(
          where + ": fields unknown to Kubernetes " + VERSION + ": " + unknown);
    }
    return object;
  }

  /** Reads every object of a YAML stream strictly. */
  static List<HasMetadata> readAll(String yaml) {
    return documents(yaml).stream().map(KubernetesApi::read).toList();
  }

  /** Walks the model and collects the paths of fields the model did not know. */
  private static void unknownFields(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) {
        unknownFields(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "[" + k + "]", unknown));
      return;
    }
    if (!(value instanceof KubernetesResource)) {
      return;
    }
    for (Method method : value.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || Modifier.isStatic(method.getModifiers())
          || !method.getName().startsWith("get")
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field = invoke(method, value);
      if (method.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
        continue;
      }
      String name = method.getName().substring(3);
      unknownFields(
          field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), unknown);
    }
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + method, e);
    }
  }

  /** An object that the Kubernetes API of {@link #VERSION} would refuse. */
  static final class InvalidObjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidObjectException(String message) {
      super(message);
    }

    InvalidObjectException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
