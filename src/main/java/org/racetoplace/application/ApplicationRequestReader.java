package org.racetoplace.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.racetoplace.platform.web.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the JSON body of {@code POST /api/applications} strictly, for this API only (the shared
 * {@link ObjectMapper}, which Camunda's REST API and others use, stays as it is):
 *
 * <ul>
 *   <li>unknown fields are rejected — all of them, each as a field error, together with the
 *       validation errors, so a typo such as {@code "emial"} is never silently dropped;
 *   <li>a value of the wrong type ({@code "level": "three"}, {@code 3.5}) is a field error;
 *   <li>anything that is not one JSON document (syntax errors, trailing content, duplicate keys)
 *       is a malformed body.
 * </ul>
 */
@Component
public class ApplicationRequestReader {

  private final JsonObjectBodies bodies;
  private final ObjectReader requestReader;

  public ApplicationRequestReader(ObjectMapper objectMapper) {
    this.bodies = new JsonObjectBodies(objectMapper);
    // unknown fields were found and reported on the tree already; here they are only skipped
    this.requestReader =
        objectMapper
            .readerFor(ApplicationRequest.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** What was read: the request, and the unknown fields met on the way. */
  public record Result(ApplicationRequest request, List<FieldProblem> unknownFields) {}

  /**
   * @throws org.racetoplace.platform.web.InvalidRequestException for a value of the wrong type
   *     (with any unknown fields)
   * @throws ErrorResponseException 400 malformed JSON for anything that is not one JSON object
   */
  public Result read(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> unknownFields = new ArrayList<>();
    collectUnknownFields(tree, ApplicationRequest.class, "", unknownFields);
    try {
      return new Result(requestReader.readValue(tree), unknownFields);
    } catch (MismatchedInputException e) {
      List<FieldProblem> problems = new ArrayList<>(unknownFields);
      problems.add(new FieldProblem(path(e.getPath()), "must be " + describe(e.getTargetType())));
      throw ApplicationRules.invalid(problems);
    } catch (IOException e) {
      throw JsonObjectBodies.malformed(e);
    }
  }

  /**
   * Walks the JSON alongside the request records: a field that is not a record component is
   * unknown. Done on the tree because Jackson's own unknown-property callback does not know the
   * full path of fields it buffers for record constructors.
   */
  private static void collectUnknownFields(
      JsonNode node, Type type, String path, List<FieldProblem> unknownFields) {
    if (type instanceof Class<?> recordType && recordType.isRecord() && node.isObject()) {
      Map<String, Type> components = new HashMap<>();
      for (RecordComponent component : recordType.getRecordComponents()) {
        components.put(component.getName(), component.getGenericType());
      }
      node.fields()
          .forEachRemaining(
              field -> {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Type fieldType = components.get(field.getKey());
                if (fieldType == null) {
                  unknownFields.add(new FieldProblem(fieldPath, "is not a known field"));
                } else {
                  collectUnknownFields(field.getValue(), fieldType, fieldPath, unknownFields);
                }
              });
    } else if (type instanceof ParameterizedType listType
        && listType.getRawType() == List.class
        && node.isArray()) {
      Type elementType = listType.getActualTypeArguments()[0];
      for (int i = 0; i < node.size(); i++) {
        collectUnknownFields(node.get(i), elementType, path + "[" + i + "]", unknownFields);
      }
    }
  }


  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
