package org.racetoplace.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Reads a request body that must be exactly one JSON object: trailing content or a key given
 * twice is as malformed as broken JSON. Our JSON endpoints read bytes through this, then check the
 * tree field by field, so every field problem can be listed at once.
 */
public final class JsonObjectBodies {

  private final ObjectReader treeReader;

  public JsonObjectBodies(ObjectMapper objectMapper) {
    this.treeReader =
        objectMapper
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * @throws ErrorResponseException 400 malformed JSON for anything that is not one JSON object
   */
  public JsonNode readObject(byte[] body) {
    JsonNode tree;
    try {
      tree = treeReader.readTree(body);
    } catch (IOException e) {
      throw malformed(e);
    }
    if (tree == null || !tree.isObject()) {
      throw malformed(null);
    }
    return tree;
  }

  /** 400 with the malformed-JSON problem type. */
  public static ErrorResponseException malformed(Exception cause) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, ApiExceptionHandler.malformedJson(), cause);
  }
}
